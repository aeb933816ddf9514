from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    """Who asked: the relation, or the name a sender gave when not linked yet.

    Phone and counter requests carry the relation in ``partner_id`` and leave
    ``partner_name`` (the name typed in a web form or mail) empty; lists show
    this one column so the requester is visible for every channel.
    """

    _inherit = "helpdesk.ticket"

    partner_id = fields.Many2one(string="Relation")
    # One word per thing (GLOSSARY.md): the Loket's subject and status.
    category_id = fields.Many2one(string="Subject")
    stage_id = fields.Many2one(string="Status")
    partner_name = fields.Char(
        string="Name given",
        help="The name the sender gave in the web form or mail.",
    )
    partner_email = fields.Char(
        string="E-mail given",
        help="The address the sender gave or mailed from.",
    )
    gov_relation_label = fields.Char(
        string="Requester",
        compute="_compute_gov_relation_label",
        search="_search_gov_relation_label",
        help="The relation of the request, or the name the sender gave while "
        "the request is not linked to a relation.",
    )

    @api.depends("partner_id", "partner_name", "partner_email")
    def _compute_gov_relation_label(self):
        # Not stored: no second copy of the requester's name to keep in sync
        # or to erase.
        for ticket in self:
            ticket.gov_relation_label = (
                ticket.partner_id.display_name
                or ticket.partner_name
                or ticket.partner_email
                or False
            )

    def _search_gov_relation_label(self, operator, value):
        if operator not in ("ilike", "not ilike", "=", "!="):
            return NotImplemented
        positive = operator in ("ilike", "=")
        op = "ilike" if operator in ("ilike", "not ilike") else "="
        domain = [
            "|",
            "|",
            ("partner_id", op, value),
            ("partner_name", op, value),
            ("partner_email", op, value),
        ]
        return domain if positive else ["!", *domain]
