from odoo import fields, models

from ..network_rules import chain_text


class ResPartnerWhoKnows(models.TransientModel):
    _name = "res.partner.who.knows"
    _description = "Who knows this relation"

    _inherit = "gov.network.chain.wizard"
    _gov_line_model = "res.partner.who.knows.line"

    line_ids = fields.One2many(
        "res.partner.who.knows.line", "wizard_id", string="Colleagues"
    )

    def _gov_answers(self):
        self.ensure_one()
        return self.env["res.partner"].who_knows(self.partner_id.id)

    def _gov_line_vals(self, sequence, answer):
        self.ensure_one()
        partners = self.env["res.partner"].browse(answer["chain"])
        labels = [hop["label"] for hop in answer["hops"]]
        return {
            "wizard_id": self.id,
            "sequence": sequence,
            "user_id": answer["user_id"],
            "strength": answer["strength"],
            "last_contact_date": answer["last_contact_date"],
            "via_partner_id": answer["chain"][1] if len(answer["chain"]) > 2 else False,
            "chain": chain_text(partners.mapped("display_name"), labels),
        }


class ResPartnerWhoKnowsLine(models.TransientModel):
    _name = "res.partner.who.knows.line"
    _description = "Colleague who knows a relation"
    _inherit = "gov.network.chain.line"

    wizard_id = fields.Many2one(
        "res.partner.who.knows", required=True, ondelete="cascade"
    )
    strength = fields.Integer(readonly=True)
    last_contact_date = fields.Date(string="Last contact", readonly=True)
