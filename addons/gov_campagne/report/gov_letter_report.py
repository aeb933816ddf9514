from markupsafe import Markup

from odoo import api, fields, models


class ReportGovLetter(models.AbstractModel):
    """Values of the letter batch: one page per relation, the same message."""

    _name = "report.gov_campagne.report_gov_letter"
    _description = "Campaign letters"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        letter_date = fields.Date.from_string(data.get("date")) or fields.Date.today()
        return {
            "doc_ids": docids,
            "doc_model": "res.partner",
            "docs": self.env["res.partner"].browse(docids),
            "subject": data.get("subject", ""),
            # The body comes from a sanitised HTML field of the send.
            "body": Markup(data.get("body") or ""),
            "letter_date": letter_date,
            "links": data.get("links") or {},
        }
