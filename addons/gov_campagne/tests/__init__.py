from . import (
    test_access,
    test_campagne_tour,
    test_campaign,
    test_campaign_report,
    test_channel_sends,
    test_channel_text,
    test_embargo,
    test_event_invitation,
    test_event_pages,
    test_event_registration,
    test_press_pages,
    test_press_release,
    test_preferred_channel,
    test_press_tour,
    test_results,
    test_security_tokens,
    test_segment,
    test_topic_access,
    test_topic_links,
    test_topic_pages,
    test_topic_portal,
    test_topic_subscription,
    test_topic_update,
)
from . import test_security_public_forms
from . import test_delivery
from . import test_gateway_replies
from . import test_privacy_erasure_proof
from . import test_retention
from . import test_public_pages
