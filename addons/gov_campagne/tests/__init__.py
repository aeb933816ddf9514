from . import (
    test_access,
    test_campagne_tour,
    test_campaign,
    test_embargo,
    test_event_registration,
    test_press_release,
    test_results,
)
