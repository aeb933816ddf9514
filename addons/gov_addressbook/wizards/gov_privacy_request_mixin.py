from odoo import api, fields, models
from odoo.exceptions import AccessError


class GovPrivacyRequestMixin(models.AbstractModel):
    """What every privacy-officer wizard shares: its relation and the access check."""

    _name = "gov.privacy.request.mixin"
    _description = "Privacy request on one relation"

    partner_id = fields.Many2one(
        "res.partner",
        string="Relation",
        required=True,
        ondelete="cascade",
        default=lambda self: self._default_partner_id(),
    )

    @api.model
    def _default_partner_id(self):
        context = self.env.context
        if context.get("active_model") == "res.partner":
            return context.get("active_id")
        return False

    def _check_privacy_officer(self):
        if not self.env.user.has_group("gov_addressbook.group_privacy_officer"):
            raise AccessError(
                self.env._("Only a privacy officer may handle privacy requests.")
            )
