from . import (
    event_event,
    event_registration,
    gov_campaign,
    gov_campaign_results,
    gov_press_release,
    mailing_mailing,
)
