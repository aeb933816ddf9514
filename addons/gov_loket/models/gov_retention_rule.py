from odoo import api, fields, models


class GovRetentionRule(models.Model):
    """The Loket's kinds of record for the retention rules: closed requests
    (narrowed by subject) and the posts of its web form."""

    _inherit = "gov.retention.rule"

    category_id = fields.Many2one(
        "helpdesk.ticket.category",
        string="Subject",
        ondelete="cascade",
        help="Only requests on this subject (empty: every subject).",
    )

    @api.model
    def _gov_retention_kinds(self):
        _ = self.env._
        anonymous = self._gov_anonymous_partner_id()
        return [
            *super()._gov_retention_kinds(),
            {
                "kind": "request",
                "model": "helpdesk.ticket",
                "label": _("Requests (closed)"),
                "partner_field": "partner_id",
                "filters": ["category_id"],
                # An open request is never destroyed.
                "domain": [("stage_id.closed", "=", True)],
                "anonymise": self._gov_registry_anonymous_values("gov_loket.request"),
                "anonymised": [("partner_id", "=", anonymous)],
                "scrub": "_gov_retention_scrub_requests",
            },
            {
                "kind": "loket_webform_submission",
                "model": "gov.loket.webform.submission",
                "label": _("Web form posts (Loket)"),
                "partner_field": False,
                "filters": [],
                "anonymise": False,
            },
        ]

    def _gov_retention_scrub_requests(self, tickets):
        """What hangs on an anonymised request and names the person: the
        hand-over notes and the web form posts."""
        handovers = self.env["gov.loket.handover"].sudo()
        handovers.search([("ticket_id", "in", tickets.ids)]).write(
            {"note": False, "return_reason": False}
        )
        posts = self.env["gov.loket.webform.submission"].sudo()
        posts.search([("ticket_id", "in", tickets.ids)]).unlink()
