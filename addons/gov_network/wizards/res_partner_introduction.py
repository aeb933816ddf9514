from odoo import fields, models

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

    _inherit = "gov.network.chain.wizard"
    _gov_line_model = "res.partner.introduction.line"

    line_ids = fields.One2many(
        "res.partner.introduction.line", "wizard_id", string="Paths"
    )

    def _gov_answers(self):
        """The shortest paths to the relation that the user may read whole."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        paths = Partner.find_introduction_path(
            self.partner_id.id, limit=MAX_SHOWN_PATHS
        )
        # a relation may link to a partner the user may not read: such a
        # chain is left out rather than shown with a hole
        readable = set(
            Partner.with_context(active_test=False)
            .search([("id", "in", list({pid for path in paths for pid in path}))])
            .ids
        )
        return [path for path in paths if len(path) > 1 and readable.issuperset(path)]

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
    _inherit = "gov.network.chain.line"

    wizard_id = fields.Many2one(
        "res.partner.introduction", required=True, ondelete="cascade"
    )
    step_count = fields.Integer(
        string="Steps", readonly=True, help="Steps from you to the relation."
    )
