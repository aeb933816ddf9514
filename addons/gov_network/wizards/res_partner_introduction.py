from odoo import api, fields, models

from ..network_rules import chain_text

MAX_SHOWN_PATHS = 20


class ResPartnerIntroduction(models.TransientModel):
    """ "Through whom do I reach ...?": the introduction paths to a relation.

    Each chain starts with the colleague closest to the relation: the last
    colleague on the path from the user, who can make the introduction (the
    user when nobody else in the organisation stands in between).
    """

    _name = "res.partner.introduction"
    _description = "Through whom do I reach a relation"

    partner_id = fields.Many2one("res.partner", string="Relation", required=True)
    line_ids = fields.One2many(
        "res.partner.introduction.line", "wizard_id", string="Paths"
    )

    @api.model_create_multi
    def create(self, vals_list):
        wizards = super().create(vals_list)
        Partner = self.env["res.partner"]
        lines = []
        for wizard in wizards:
            paths = Partner.find_introduction_path(
                wizard.partner_id.id, limit=MAX_SHOWN_PATHS
            )
            # a relation may link to a partner the user may not read: such a
            # chain is left out rather than shown with a hole
            readable = set(
                Partner.with_context(active_test=False)
                .search([("id", "in", list({pid for path in paths for pid in path}))])
                .ids
            )
            shown = [
                path for path in paths if len(path) > 1 and readable.issuperset(path)
            ]
            lines += [
                wizard._gov_line_vals(sequence, path)
                for sequence, path in enumerate(shown, start=1)
            ]
        self.env["res.partner.introduction.line"].create(lines)
        return wizards

    def _gov_line_vals(self, sequence, path):
        """One chain, cut to start at the last colleague on the path."""
        self.ensure_one()
        colleagues = self.env["res.users"].search(
            [("partner_id", "in", path[:-1]), ("share", "=", False)]
        )
        by_partner = {user.partner_id.id: user for user in colleagues}
        start = max(
            (index for index, pid in enumerate(path[:-1]) if pid in by_partner),
            default=0,
        )
        chain = path[start:]
        partners = self.env["res.partner"].browse(chain)
        hops = self.env["res.partner"]._gov_path_hops(chain)
        return {
            "wizard_id": self.id,
            "sequence": sequence,
            "user_id": by_partner.get(chain[0], self.env.user).id,
            "via_partner_id": chain[1] if len(chain) > 2 else False,
            "step_count": len(path) - 1,
            "chain": chain_text(partners.mapped("display_name"), hops),
        }


class ResPartnerIntroductionLine(models.TransientModel):
    _name = "res.partner.introduction.line"
    _description = "Introduction path to a relation"
    _order = "sequence"

    wizard_id = fields.Many2one(
        "res.partner.introduction", required=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    user_id = fields.Many2one("res.users", string="Colleague", readonly=True)
    via_partner_id = fields.Many2one("res.partner", string="Via", readonly=True)
    step_count = fields.Integer(
        string="Steps", readonly=True, help="Steps from you to the relation."
    )
    chain = fields.Char(string="Chain", readonly=True)
