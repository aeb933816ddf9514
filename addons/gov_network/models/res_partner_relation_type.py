from odoo import fields, models


class ResPartnerRelationType(models.Model):
    _inherit = "res.partner.relation.type"

    gov_is_affiliation = fields.Boolean(
        string="Affiliation",
        help="The left partner belongs to the right one (works there, sits on its "
        "board, is its alderman...). Who-knows searches follow affiliations: "
        "knowing someone who works at an organisation is a way in.",
    )
