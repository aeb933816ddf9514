from . import (
    test_access,
    test_campagne_tour,
    test_campaign,
    test_embargo,
    test_event_registration,
    test_press_release,
    test_results,
    test_topic_access,
    test_topic_links,
    test_topic_pages,
    test_topic_subscription,
    test_topic_update,
)
