from odoo import api, fields, models
from odoo.fields import Domain

AUDIENCE_TYPES = [
    ("criteria", "Criteria"),
    ("list", "Static list"),
    ("everyone", "Everyone in the address book"),
]


class GovCampaign(models.Model):
    """A campaign audience from criteria or from a saved static list."""

    _inherit = "gov.campaign"

    audience_type = fields.Selection(
        AUDIENCE_TYPES,
        required=True,
        default="criteria",
        tracking=True,
        help="Criteria: the relations that match the filter at each send; "
        "without a rule, nobody. Static list: the relations saved on a list. "
        "Everyone: every relation of the address book that may be approached.",
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
        if self.audience_type == "everyone":
            return Domain.TRUE
        domain = super()._parse_audience_domain()
        # A new campaign reaches nobody until its audience is chosen: an empty
        # filter is not "everyone" (that is a choice of its own).
        return Domain.FALSE if domain.is_true() else domain

    @api.depends("audience_domain", "audience_type", "segment_id")
    def _compute_audience_count(self):
        return super()._compute_audience_count()

    def _get_mailing_domain_string(self):
        """The audience as a mailing filter (shown on the mailing)."""
        self.ensure_one()
        if self.audience_type == "list":
            return repr([("gov_segment_ids", "in", self.segment_id.ids)])
        if self.audience_type == "everyone":
            return "[]"
        if self._parse_audience_domain().is_false():
            return repr([("id", "in", [])])
        return self.audience_domain

    def action_new_mailing(self):
        action = super().action_new_mailing()
        action["context"]["default_mailing_domain"] = self._get_mailing_domain_string()
        return action
