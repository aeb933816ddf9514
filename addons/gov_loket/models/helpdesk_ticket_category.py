from odoo import fields, models

DEFAULT_CALLBACK_NORM_DAYS = 2


class HelpdeskTicketCategory(models.Model):
    """A category is a Loket subject (onderwerp) carrying its service norms."""

    _inherit = "helpdesk.ticket.category"

    service_norm_days = fields.Integer(
        string="Service norm (working days)",
        default=10,
        help="Working days within which a request on this subject must be "
        "answered, counted on the Dutch public-holiday calendar. 0 means no norm.",
    )
    callback_norm_days = fields.Integer(
        string="Call-back norm (working days)",
        default=DEFAULT_CALLBACK_NORM_DAYS,
        help="Working days within which a call-back note on this subject must be "
        "called back.",
    )
    team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Responsible team",
        index=True,
        ondelete="set null",
        help="New requests on this subject go to this team.",
    )

    gov_web_form = fields.Boolean(
        string="On the web form",
        help="Citizens and companies can choose this subject on the public "
        "question form (/loket/vraag).",
    )

    confidential = fields.Boolean(
        help="Requests on this subject are visible only to the subject's team, "
        "its leader, the assignee and whoever registered them (and functional "
        "administrators). Their contact moments are marked confidential.",
    )

    _check_norms_positive = models.Constraint(
        "CHECK(service_norm_days >= 0 AND callback_norm_days >= 0)",
        "A service norm cannot be negative.",
    )
