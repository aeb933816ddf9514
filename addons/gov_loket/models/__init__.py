from . import (
    gov_loket_answer,
    gov_loket_handover,
    gov_loket_webform_submission,
    helpdesk_ticket,
    helpdesk_ticket_category,
    helpdesk_ticket_channel,
    helpdesk_ticket_answer,
    helpdesk_ticket_follow_up,
    helpdesk_ticket_handover,
    helpdesk_ticket_outcome,
    helpdesk_ticket_webform,
)
