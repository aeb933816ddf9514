from odoo import fields, models


class GovLoketHandover(models.Model):
    """One hand-over (uitzetting) of a request from one employee to another.

    Records are never deleted by users: together they are the hand-over history
    of a request.
    """

    _name = "gov.loket.handover"
    _description = "Request hand-over"
    _order = "handed_over_at desc, id desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Request",
        required=True,
        index=True,
        ondelete="cascade",
    )
    from_user_id = fields.Many2one(
        "res.users",
        string="Handed over by",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    to_user_id = fields.Many2one(
        "res.users", string="Handed over to", required=True, index=True
    )
    note = fields.Text(string="Instruction")
    handed_over_at = fields.Datetime(
        string="Date", required=True, default=fields.Datetime.now
    )
    date_due = fields.Date(
        string="Due date", help="Date the employee is asked to answer by."
    )
    state = fields.Selection(
        [
            ("pending", "Pending"),
            ("accepted", "Accepted"),
            ("returned", "Sent back"),
            ("reassigned", "Handed on"),
            ("done", "Answered"),
        ],
        required=True,
        default="pending",
        index=True,
        help="Pending: waiting for the employee. Accepted: the employee will "
        "answer. Sent back: the employee returned it with a reason. Handed on: "
        "the request was later handed to someone else. Answered: done.",
    )
    return_reason = fields.Text(string="Reason for sending back")
    activity_id = fields.Many2one(
        "mail.activity",
        ondelete="set null",
        help="The to-do scheduled for the employee.",
    )
