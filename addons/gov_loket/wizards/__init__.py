from . import (
    gov_contact_register,
    gov_loket_register,
    gov_loket_register_line,
    helpdesk_ticket_hand_over,
    helpdesk_ticket_return,
)
