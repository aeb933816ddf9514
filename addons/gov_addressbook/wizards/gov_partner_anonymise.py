from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError


class GovPartnerAnonymise(models.TransientModel):
    """Recht op vergetelheid: erase a relation's personal data for good, in
    every place of the registry of personal data (see ``res_partner_privacy``).
    """

    _name = "gov.partner.anonymise"
    _inherit = ["gov.privacy.request.mixin"]
    _description = "Anonymise a relation (right to erasure)"

    partner_name = fields.Char(related="partner_id.name", string="Name to type")
    confirm_name = fields.Char(
        string="Type the name to confirm",
        help="Anonymisation cannot be undone. Type the relation's name exactly "
        "as shown to confirm.",
    )
    state = fields.Selection(
        [("confirm", "Confirm"), ("done", "Done")], default="confirm", readonly=True
    )
    report = fields.Html(
        readonly=True,
        sanitize=True,
        help="What was erased where, and what must still be erased by hand in "
        "other systems. Holds no personal data.",
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
        # The typed name is personal data too: not kept on this wizard.
        self.confirm_name = False
        # sudo: privacy officers usually have no write rights on relations nor
        # on the other places of personal data; the erasure is limited to this
        # confirmed relation, and logged.
        result = partner.sudo()._gov_anonymise()
        self.env["gov.processing.log"]._log_processing(
            partner,
            "anonymise",
            partner._gov_personal_fields(),
            "privacy_tool",
            purpose="privacy_request",
        )
        self.env["gov.privacy.erasure.report"]._gov_keep(
            partner,
            self.env["gov.privacy.erasure.report"]._gov_places_html(result),
            result["manual"],
        )
        self.write({"state": "done", "report": self._gov_report_html(result)})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _gov_report_html(self, result):
        _ = self.env._
        html = self.env["gov.privacy.erasure.report"]._gov_places_html(result)
        if result["manual"]:
            items = Markup().join(
                Markup("<li>%s</li>") % line for line in result["manual"]
            )
            html += Markup("<h4>%s</h4><ul>%s</ul>") % (
                _("Still to erase by hand in other systems"),
                items,
            )
        return html
