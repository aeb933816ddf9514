from odoo import fields, models


class HelpdeskTicketReturn(models.TransientModel):
    """Send a handed-over request back, with the reason why."""

    _name = "helpdesk.ticket.return"
    _description = "Send a request back"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_return_hand_over(self.reason)
        return {"type": "ir.actions.act_window_close"}
