from odoo import api, models
from odoo.fields import Domain


class GovRetentionRule(models.Model):
    """GEMMA's kind of record for the retention rules: local copies of cases.
    The case system keeps the case itself under its own selection list; the
    copy here only serves the integral view."""

    _inherit = "gov.retention.rule"

    @api.model
    def _gov_retention_kinds(self):
        _ = self.env._
        kinds = super()._gov_retention_kinds()
        for kind in kinds:
            if kind["kind"] == "contact_moment":
                # A contact about a case that is still open stays with it.
                kind["domain"] = Domain(kind.get("domain") or []) & (
                    Domain("zaak_id", "=", False)
                    | Domain("zaak_id.einddatum", "!=", False)
                )
        return [
            *kinds,
            {
                "kind": "zaak",
                "model": "gov.zaak",
                "label": _("Local copies of cases"),
                "partner_field": "partner_ids",
                "filters": [],
                # An open case is never destroyed.
                "domain": [("einddatum", "!=", False)],
                "anonymise": False,
            },
        ]
