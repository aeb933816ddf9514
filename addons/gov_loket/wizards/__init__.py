from . import helpdesk_ticket_hand_over
