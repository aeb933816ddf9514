from . import (
    test_access,
    test_answer_template,
    test_callback,
    test_confidential,
    test_contact_moments,
    test_dashboard,
    test_dashboard_tour,
    test_figures,
    test_deadline,
    test_follow_up,
    test_front_desk_tour,
    test_hand_over,
    test_hand_over_colleague,
    test_indexes,
    test_insight,
    test_letter,
    test_loket_tour,
    test_mail_alias,
    test_mail_intake,
    test_mailbox,
    test_portal,
    test_register,
    test_routing,
    test_same_request,
    test_satisfaction,
    test_score_follow_up,
    test_service_promise,
    test_service_promise_tour,
    test_security_tokens,
    test_status_mail,
    test_team_board,
    test_webform,
    test_working_days,
)
from . import test_security_public_forms
from . import test_security_confidential_requests
from . import test_privacy_erasure_proof
from . import test_retention
from . import test_front_desk_relations_tour
from . import test_public_pages
