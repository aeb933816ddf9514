from odoo import api, fields, models

CONTACT_OUTCOMES = [
    ("answered", "Answered directly"),
    ("handed_over", "Handed over"),
    ("callback", "Call-back note"),
    ("referred", "Referred elsewhere"),
]


class HelpdeskTicket(models.Model):
    """The outcome (gespreksresultaat) of the contact that brought a request in."""

    _inherit = "helpdesk.ticket"

    contact_outcome = fields.Selection(
        CONTACT_OUTCOMES,
        string="Contact outcome",
        copy=False,
        index=True,
        tracking=True,
        help="Gespreksresultaat: what came of the contact in which the question "
        "was asked.",
    )
    contact_duration = fields.Integer(
        string="Contact duration (min)",
        copy=False,
        help="Length in minutes of the call or counter visit in which the "
        "question was asked (the whole contact, which may carry several "
        "questions).",
    )
    first_time_right = fields.Boolean(
        string="First time right",
        compute="_compute_first_time_right",
        store=True,
        help="Answered during the contact in which it was asked.",
    )
    answer_template_id = fields.Many2one(
        "gov.loket.answer",
        string="Answer used",
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The question-and-answer pair whose answer was given.",
    )
    call_moment_id = fields.Many2one(
        "gov.contact.moment",
        string="Registered in contact",
        copy=False,
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The contact moment of the call or visit that carried this question "
        "(one contact may carry several requests).",
    )

    _check_contact_duration = models.Constraint(
        "CHECK(contact_duration >= 0)", "A contact duration cannot be negative."
    )

    @api.depends("contact_outcome")
    def _compute_first_time_right(self):
        for ticket in self:
            ticket.first_time_right = ticket.contact_outcome == "answered"
