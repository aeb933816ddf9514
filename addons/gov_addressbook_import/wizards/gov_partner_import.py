import time

from odoo import models

# At most one progress write per this many seconds: each is a transaction.
PROGRESS_INTERVAL = 1.0
# The share of the bar for checking the file; saving takes the rest.
CHECKING_SHARE = 40.0
# {progress id: time of its last write}, in this process (the job's).
_LAST_WRITE = {}
# From this many rows on, Test advises the background: an Import in the
# browser would take minutes and meet the server's time limit of a request.
LARGE_FILE_ROWS = 20_000


class GovPartnerImport(models.TransientModel):
    """*Relaties importeren* with an *Import in the background* button."""

    _inherit = "gov.partner.import"

    def action_import_background(self):
        """Queue the file as a job and show its run: progress, then the report."""
        self.ensure_one()
        run = self.env["gov.partner.import.run"]._gov_start(self)
        return {
            "type": "ir.actions.act_window",
            "res_model": run._name,
            "res_id": run.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_test(self):
        action = super().action_test()
        if self.row_count >= LARGE_FILE_ROWS and self.report:
            self.report += "\n" + self.env._(
                "This file has %(rows)s rows: press Import in the background, so "
                "that it is not cut off by the time limit of the browser's request.",
                rows=self.row_count,
            )
        return action

    def _gov_progress(self, stage, done, total):
        super()._gov_progress(stage, done, total)
        progress_id = self.env.context.get("gov_import_progress_id")
        if not progress_id:
            return
        now = time.monotonic()
        if done and now - _LAST_WRITE.get(progress_id, 0.0) < PROGRESS_INTERVAL:
            return
        _LAST_WRITE[progress_id] = now
        share = done / total if total else 1.0
        percent = (
            CHECKING_SHARE * share
            if stage == "checking"
            else CHECKING_SHARE + (100.0 - CHECKING_SHARE) * share
        )
        self.env["gov.partner.import.progress"]._gov_report(
            progress_id,
            stage,
            round(percent, 1),
            self.env._("%(done)s of %(total)s rows", done=done, total=total),
        )
