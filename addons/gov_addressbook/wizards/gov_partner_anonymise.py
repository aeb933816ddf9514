from odoo import fields, models
from odoo.exceptions import UserError


class GovPartnerAnonymise(models.TransientModel):
    """Recht op vergetelheid: erase a relation's personal data for good."""

    _name = "gov.partner.anonymise"
    _inherit = ["gov.privacy.request.mixin"]
    _description = "Anonymise a relation (right to erasure)"

    partner_name = fields.Char(related="partner_id.name", string="Name to type")
    confirm_name = fields.Char(
        string="Type the name to confirm",
        help="Anonymisation cannot be undone. Type the relation's name exactly "
        "as shown to confirm.",
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
