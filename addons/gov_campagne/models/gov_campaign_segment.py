from odoo import api, fields, models
from odoo.fields import Domain

AUDIENCE_TYPES = [("criteria", "Criteria"), ("list", "Static list")]


class GovCampaign(models.Model):
    """A campaign audience from criteria or from a saved static list."""

    _inherit = "gov.campaign"

    audience_type = fields.Selection(
        AUDIENCE_TYPES,
        required=True,
        default="criteria",
        tracking=True,
        help="Criteria: the relations that match the filter at each send. "
        "Static list: the relations saved on a list.",
    )
    segment_id = fields.Many2one(
        "gov.segment",
        string="Static list",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )

    def _parse_audience_domain(self):
        self.ensure_one()
        if self.audience_type == "list":
            if not self.segment_id:
                return Domain.FALSE
            return Domain("gov_segment_ids", "in", self.segment_id.ids)
        return super()._parse_audience_domain()

    @api.depends("audience_domain", "audience_type", "segment_id")
    def _compute_audience_count(self):
        return super()._compute_audience_count()

    def _get_mailing_domain_string(self):
        """The audience as a mailing filter (shown on the mailing)."""
        self.ensure_one()
        if self.audience_type == "list":
            return repr([("gov_segment_ids", "in", self.segment_id.ids)])
        return self.audience_domain

    def action_new_mailing(self):
        action = super().action_new_mailing()
        action["context"]["default_mailing_domain"] = self._get_mailing_domain_string()
        return action
