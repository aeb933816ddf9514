from odoo import api, fields, models


class ResPartnerWhoKnows(models.TransientModel):
    _name = "res.partner.who.knows"
    _description = "Who knows this relation"

    partner_id = fields.Many2one("res.partner", string="Relation", required=True)
    line_ids = fields.One2many(
        "res.partner.who.knows.line", "wizard_id", string="Colleagues"
    )

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        lines = []
        for wizard in wizards:
            answers = self.env["res.partner"].who_knows(wizard.partner_id.id)
            lines += [
                wizard._gov_line_vals(sequence, answer)
                for sequence, answer in enumerate(answers, start=1)
            ]
        self.env["res.partner.who.knows.line"].create(lines)
        return wizards

    def _gov_line_vals(self, sequence, answer):
        self.ensure_one()
        relations = self.env["res.partner.relation"].browse(answer["relation_ids"])
        partners = self.env["res.partner"].browse(answer["chain"])
        steps = [partners[0].display_name]
        for index, relation in enumerate(relations):
            steps += [
                relation._gov_hop_label(answer["chain"][index]),
                partners[index + 1].display_name,
            ]
        return {
            "wizard_id": self.id,
            "sequence": sequence,
            "user_id": answer["user_id"],
            "strength": answer["strength"],
            "last_contact_date": answer["last_contact_date"],
            "via_partner_id": answer["chain"][1] if len(answer["chain"]) > 2 else False,
            "chain": " → ".join(steps),
        }


class ResPartnerWhoKnowsLine(models.TransientModel):
    _name = "res.partner.who.knows.line"
    _description = "Colleague who knows a relation"
    _order = "sequence"

    wizard_id = fields.Many2one(
        "res.partner.who.knows", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    user_id = fields.Many2one("res.users", string="Colleague", readonly=True)
    strength = fields.Integer(readonly=True)
    last_contact_date = fields.Date(string="Last contact", readonly=True)
    via_partner_id = fields.Many2one("res.partner", string="Via", readonly=True)
    chain = fields.Char(readonly=True)
