from . import (
    gov_loket_handover,
    helpdesk_ticket,
    helpdesk_ticket_category,
    helpdesk_ticket_channel,
    helpdesk_ticket_answer,
    helpdesk_ticket_follow_up,
    helpdesk_ticket_handover,
)
