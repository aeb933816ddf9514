from odoo import api, fields, models


class GovPrivacyErasureReport(models.Model):
    """The anonymisation report shows, per copy in Klantinteracties, whether
    it is erased in the register, still to erase (and why) or to erase by
    hand; the lines follow the erasure job after the report was kept."""

    _inherit = "gov.privacy.erasure.report"

    zgw_erasure_ids = fields.One2many(
        "gov.zgw.erasure",
        "report_id",
        string="Copies in Klantinteracties",
        readonly=True,
    )

    @api.model
    def _gov_keep(self, partner, places_html, manual):
        report = super()._gov_keep(partner, places_html, manual)
        # sudo: links the lines the anonymisation of this relation just
        # planned (nobody may write them); they hold register ids only.
        self.env["gov.zgw.erasure"].sudo().search(
            [("partner_ref", "=", partner.id), ("report_id", "=", False)]
        ).report_id = report
        return report
