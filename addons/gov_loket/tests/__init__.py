from . import (
    test_access,
    test_answer_template,
    test_callback,
    test_contact_moments,
    test_deadline,
    test_follow_up,
    test_hand_over,
    test_loket_tour,
    test_register,
    test_webform,
    test_working_days,
)
