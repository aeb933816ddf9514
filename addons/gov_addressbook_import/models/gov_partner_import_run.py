import base64

from odoo import api, fields, models


class GovPartnerImportRun(models.Model):
    """A file imported in the background by *Relaties importeren*.

    The run keeps the file and the choices of the assistant; a queue_job job
    checks and saves it exactly as the assistant's *Import* does (every valid row
    or, on an unexpected error, none) and writes the result report here in the
    same transaction as the relations, so the report never claims more than was
    saved. While it runs, its progress record shows how far it is.
    """

    _name = "gov.partner.import.run"
    _description = "Background import of relations"
    _order = "id desc"

    name = fields.Char(required=True, readonly=True)
    file = fields.Binary(required=True, readonly=True)
    file_name = fields.Char(readonly=True)
    preset_id = fields.Many2one("gov.partner.import.preset", readonly=True)
    default_country_id = fields.Many2one(
        "res.country", string="Country when the file has none", readonly=True
    )
    on_match = fields.Selection(
        [
            ("review", "Create and flag for review"),
            ("update", "Update the existing relation"),
        ],
        string="When a row matches a relation",
        required=True,
        readonly=True,
    )
    result = fields.Selection(
        [("done", "Imported"), ("nothing", "Nothing saved")],
        readonly=True,
        help="Written together with the relations: empty while the job runs.",
    )
    progress_ids = fields.One2many(
        "gov.partner.import.progress", "run_id", string="Progress records"
    )
    status = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("checking", "Checking the file"),
            ("saving", "Saving relations"),
            ("failed", "Failed: nothing saved"),
            ("done", "Imported"),
            ("nothing", "Nothing saved"),
        ],
        compute="_compute_status",
    )
    progress = fields.Float(compute="_compute_status")
    progress_message = fields.Text(compute="_compute_status")
    row_count = fields.Integer(string="Rows", readonly=True)
    error_count = fields.Integer(string="Rows with a problem", readonly=True)
    create_count = fields.Integer(string="New relations", readonly=True)
    match_count = fields.Integer(string="Matching existing relations", readonly=True)
    skip_count = fields.Integer(string="Already imported or repeated", readonly=True)
    report = fields.Text(readonly=True)
    problems = fields.Text(readonly=True)
    error_file = fields.Binary(string="Rows to fix", readonly=True)
    error_file_name = fields.Char(readonly=True)

    @api.depends("result", "progress_ids.stage", "progress_ids.percent")
    def _compute_status(self):
        for run in self:
            progress = run.progress_ids[:1]
            run.status = run.result or progress.stage or "waiting"
            run.progress = 100.0 if run.result else progress.percent
            run.progress_message = progress.message

    @api.model
    def _gov_start(self, wizard):
        """A run of the assistant's file and choices, queued as a job."""
        run = self.create(
            {
                "name": wizard.file_name or self.env._("Import relations"),
                "file": wizard.file,
                "file_name": wizard.file_name,
                "preset_id": wizard.preset_id.id,
                "default_country_id": wizard.default_country_id.id,
                "on_match": wizard.on_match,
                "progress_ids": [fields.Command.create({})],
            }
        )
        run.with_delay(
            description=self.env._("Import relations: %(file)s", file=run.name)
        )._gov_import()
        return run

    def _gov_import(self):
        """The job: check and save the file as the assistant's Import does."""
        self.ensure_one()
        wizard = (
            self.env["gov.partner.import"]
            .with_context(gov_import_progress_id=self.progress_ids[:1].id)
            .create(
                {
                    "file": self.file,
                    "file_name": self.file_name,
                    "preset_id": self.preset_id.id,
                    "default_country_id": self.default_country_id.id,
                    "on_match": self.on_match,
                }
            )
        )
        try:
            wizard.action_import()
        except Exception as error:
            # The job's transaction is rolled back: not one relation is saved.
            # Say so where the administrator looks, then let queue_job record
            # the failure.
            self.env["gov.partner.import.progress"]._gov_report(
                self.progress_ids[:1].id,
                "failed",
                0.0,
                self.env._(
                    "Nothing was saved: %(error)s. Correct the file and import it "
                    "again; no relation of this file was created.",
                    error=error,
                ),
            )
            raise
        self.write(
            {
                "result": "done" if wizard.state == "done" else "nothing",
                **{
                    name: wizard[name]
                    for name in (
                        "row_count",
                        "error_count",
                        "create_count",
                        "match_count",
                        "skip_count",
                        "report",
                        "problems",
                        "error_file_name",
                    )
                },
                "error_file": wizard.error_file,
                "preset_id": wizard.preset_id.id,
            }
        )
        return self.env._(
            "%(rows)s rows: %(created)s new relations, %(errors)s rows to fix.",
            rows=wizard.row_count,
            created=wizard.create_count,
            errors=wizard.error_count,
        )

    def action_show_review(self):
        return self.env["gov.partner.import"].action_show_review()

    def _gov_error_file_bytes(self):
        self.ensure_one()
        return base64.b64decode(self.error_file or b"")
