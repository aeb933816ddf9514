from odoo import api, fields, models


class HelpdeskTicketHandOver(models.TransientModel):
    """Hand a request over to any employee, with an instruction."""

    _name = "helpdesk.ticket.hand.over"
    _description = "Hand over a request"

    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", required=True)
    deadline_date = fields.Date(related="ticket_id.deadline_date")
    user_id = fields.Many2one(
        "res.users",
        string="Hand over to",
        required=True,
        domain=[("share", "=", False)],
        help="Any colleague of the organisation, also outside the Loket: they "
        "see the request and can answer it or send it back.",
    )
    note = fields.Text(string="Instruction")
    date_due = fields.Date(
        string="Due date",
        help="Optional date earlier than the deadline by which the employee "
        "should answer.",
    )

    @api.onchange("ticket_id")
    def _onchange_ticket_id(self):
        if self.ticket_id and not self.date_due:
            self.date_due = self.ticket_id.deadline_date

    def action_confirm(self):
        self.ensure_one()
        self.ticket_id.action_hand_over(self.user_id.id, self.note, self.date_due)
        return {"type": "ir.actions.act_window_close"}
