from odoo import api, fields, models
from odoo.addons.gov_addressbook.models.gov_privacy_erasure_report import (
    PRIVACY_OFFICER,
)
from odoo.exceptions import AccessError, UserError


class GovPrivacyErasureReport(models.Model):
    """The anonymisation report shows, per copy in Klantinteracties, whether
    it is erased in the register, still to erase (and why) or to erase by
    hand; the lines follow the erasure job after the report was kept. Copies
    to erase by hand can be queued again (Try again) once the connection or
    the register's rights are repaired."""

    _inherit = "gov.privacy.erasure.report"

    zgw_erasure_ids = fields.One2many(
        "gov.zgw.erasure",
        "report_id",
        string="Copies in Klantinteracties",
        readonly=True,
    )
    zgw_manual_count = fields.Integer(
        string="Copies to erase by hand",
        compute="_compute_zgw_manual_count",
        help="Copies in Klantinteracties the register refused to erase, or "
        "that had no connection: Try again queues their erasure again.",
    )

    @api.depends("zgw_erasure_ids.state")
    def _compute_zgw_manual_count(self):
        for report in self:
            report.zgw_manual_count = len(
                report.zgw_erasure_ids.filtered(lambda line: line.state == "manual")
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

    def action_zgw_erasure_retry(self):
        """Try again: queue the erasure of the copies to erase by hand (one
        job per relation, none while one waits)."""
        self.ensure_one()
        if not self.env.user.has_group(PRIVACY_OFFICER):
            raise AccessError(self.env._("Only privacy officers try an erasure again."))
        if self.manual_done_at:
            raise UserError(
                self.env._("The work by hand was already recorded as done.")
            )
        lines = self.zgw_erasure_ids._gov_try_again()
        if not lines:
            raise UserError(
                self.env._(
                    "No copy in Klantinteracties is to be erased by hand: "
                    "nothing to try again."
                )
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Erasure queued again"),
                "message": self.env._(
                    "%(count)s copy(ies) in Klantinteracties will be erased "
                    "in the background.",
                    count=len(lines),
                ),
                "type": "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
