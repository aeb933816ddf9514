from odoo import models


class GovPartnerAnonymise(models.TransientModel):
    """The wizard's report adds the Klantinteracties copies, per copy."""

    _inherit = "gov.partner.anonymise"

    def _gov_report_html(self, result):
        html = super()._gov_report_html(result)
        report = self.env["gov.privacy.erasure.report"].search(
            [("partner_ref", "=", self.partner_id.id)], limit=1
        )
        return html + report.zgw_erasure_ids._gov_table_html()
