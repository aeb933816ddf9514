from odoo import api, fields, models


class GovNetworkChainLine(models.AbstractModel):
    """A line of a network answer: the colleague, via whom, and the chain."""

    _name = "gov.network.chain.line"
    _description = "Chain of relations"
    _order = "sequence"

    sequence = fields.Integer()
    user_id = fields.Many2one("res.users", string="Colleague", readonly=True)
    via_partner_id = fields.Many2one("res.partner", string="Via", readonly=True)
    chain = fields.Char(readonly=True)


class GovNetworkChainWizard(models.AbstractModel):
    """A network answer about one relation, one line per chain of relations.

    Each wizard names its line model and says what its answers are
    (``_gov_answers``) and how one becomes a line (``_gov_line_vals``).
    """

    _name = "gov.network.chain.wizard"
    _description = "Network answer about a relation"
    _gov_line_model = None

    partner_id = fields.Many2one("res.partner", string="Relation", required=True)

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        lines = []
        for wizard in wizards:
            lines += [
                wizard._gov_line_vals(sequence, answer)
                for sequence, answer in enumerate(wizard._gov_answers(), start=1)
            ]
        self.env[self._gov_line_model].create(lines)
        return wizards
