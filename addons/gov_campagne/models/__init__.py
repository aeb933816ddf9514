from . import (
    event_event,
    event_registration,
    gov_campaign,
    gov_campaign_results,
    gov_press_release,
    gov_topic,
    gov_topic_consent_log,
    gov_topic_subscription,
    gov_topic_update,
    mailing_mailing,
    res_partner,
)
