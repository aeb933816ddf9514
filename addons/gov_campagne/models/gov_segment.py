from odoo import api, fields, models
from odoo.tools import SQL


class GovSegment(models.Model):
    """A static list: a saved, named set of relations, reused by campaigns.

    The list keeps everyone added to it; who may be approached is decided at
    each send by the campaign exclusions (do not contact, deceased,
    anonymised, archived, blacklisted), never by removing them here.
    """

    _name = "gov.segment"
    _description = "Static list"
    _inherit = ["mail.thread"]
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    description = fields.Text()
    active = fields.Boolean(default=True)
    owner_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "gov_segment_res_partner_rel",
        "segment_id",
        "partner_id",
        string="Relations",
    )
    partner_count = fields.Integer(
        string="Number of relations", compute="_compute_counts"
    )
    campaign_ids = fields.One2many("gov.campaign", "segment_id", string="Campaigns")
    campaign_count = fields.Integer(
        string="Number of campaigns", compute="_compute_counts"
    )

    _name_unique = models.Constraint(
        "UNIQUE(name)", "A static list with this name already exists."
    )

    @api.depends("partner_ids", "campaign_ids")
    def _compute_counts(self):
        # Counted in SQL: a list may hold many thousands of relations.
        counts = {}
        if self.ids:
            self.flush_model(["partner_ids"])
            rows = self.env.execute_query(
                SQL(
                    "SELECT segment_id, count(*) FROM gov_segment_res_partner_rel"
                    " WHERE segment_id IN %s GROUP BY segment_id",
                    tuple(self.ids),
                )
            )
            counts = dict(rows)
        campaigns = dict(
            self.env["gov.campaign"]._read_group(
                [("segment_id", "in", self.ids)], ["segment_id"], ["__count"]
            )
        )
        for segment in self:
            segment.partner_count = counts.get(segment.id, 0)
            segment.campaign_count = campaigns.get(segment, 0)

    def _add_partners(self, partners):
        """Add relations to the lists; who is on a list already stays once."""
        for segment in self:
            segment.partner_ids = [fields.Command.link(pid) for pid in partners.ids]

    def action_view_partners(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": [("gov_segment_ids", "in", self.ids)],
        }
