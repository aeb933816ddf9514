from odoo import api, fields, models


class GovPartnerImportProgress(models.Model):
    """How far a background import is, written while it runs.

    A record of its own, apart from the run: the job writes its progress in a
    separate transaction that commits at once (so the progress bar moves), while
    the run itself is written only in the job's own transaction together with the
    relations it saves. Two transactions writing one row would make the job fail
    on a serialisation conflict.
    """

    _name = "gov.partner.import.progress"
    _description = "Progress of a background import"

    run_id = fields.Many2one(
        "gov.partner.import.run", required=True, ondelete="cascade", index=True
    )
    stage = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("checking", "Checking the file"),
            ("saving", "Saving relations"),
            ("failed", "Failed: nothing saved"),
        ],
        default="waiting",
        required=True,
    )
    percent = fields.Float()
    message = fields.Text()

    @api.model
    def _gov_report(self, progress_id, stage, percent, message=False):
        """Write the progress of one run in its own, committed transaction."""
        with self.env.registry.cursor() as cr:
            # The same user, in a transaction of its own: the job's transaction
            # holds the relations it saves until it ends.
            progress = self.env(cr=cr)[self._name].browse(progress_id)
            progress.write({"stage": stage, "percent": percent, "message": message})
