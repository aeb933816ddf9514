from . import helpdesk_ticket_hand_over, helpdesk_ticket_return
