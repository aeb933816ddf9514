from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class GovPartnerAnonymise(models.TransientModel):
    """Recht op vergetelheid: erase a relation's personal data for good."""

    _name = "gov.partner.anonymise"
    _description = "Anonymise a relation (right to erasure)"

    partner_id = fields.Many2one(
        "res.partner",
        string="Relation",
        required=True,
        ondelete="cascade",
        default=lambda self: self._default_partner_id(),
    )
    partner_name = fields.Char(related="partner_id.name", string="Name to type")
    confirm_name = fields.Char(
        string="Type the name to confirm",
        help="Anonymisation cannot be undone. Type the relation's name exactly "
        "as shown to confirm.",
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

    def action_anonymise(self):
        self.ensure_one()
        self._check_privacy_officer()
        partner = self.partner_id
        if partner.gov_anonymised_at:
            raise UserError(
                self.env._("%(partner)s is already anonymised.", partner=partner.name)
            )
        if (self.confirm_name or "").strip() != (partner.name or "").strip():
            raise UserError(
                self.env._(
                    "The name you typed does not match %(partner)s. Nothing was "
                    "anonymised.",
                    partner=partner.name,
                )
            )
        # sudo: privacy officers usually have no write rights on relations; the
        # erasure is limited to this confirmed relation, and logged.
        partner.sudo()._gov_anonymise()
        self.env["gov.processing.log"]._log_processing(
            partner,
            "anonymise",
            partner._gov_personal_fields(),
            "privacy_tool",
            purpose="privacy_request",
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("The relation has been anonymised."),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
