import base64

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import relation_import
from ..models.res_partner import PARTNER_TEXT_LIMITS
from .gov_partner_import_plan import ImportPlanner

# Relations are created in batches of this size: one create per batch.
BATCH = 1000
# The context of bulk creation: no chatter message, follower or tracking per row.
BULK_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
}


class GovPartnerImport(models.TransientModel):
    """*Relaties importeren*: an old address book in one sitting.

    *Test* reads and checks the whole file and writes nothing; *Import* checks
    it again and saves every valid row in one transaction: either all valid rows
    are saved, or (on an unexpected error) none, and the report says which.
    Invalid rows come back as a file in the same layout, with a column saying
    what to fix. Every row carries a key (the old system's ID or a fingerprint
    of the row), so importing the same file again creates nothing new.
    """

    _name = "gov.partner.import"
    _description = "Import relations"

    file = fields.Binary(attachment=False)
    file_name = fields.Char()
    preset_id = fields.Many2one(
        "gov.partner.import.preset",
        help="Which column means what. Left empty, the preset that recognises most "
        "columns of the file is used.",
    )
    default_country_id = fields.Many2one(
        "res.country",
        string="Country when the file has none",
        default=lambda self: self.env.ref("base.nl", raise_if_not_found=False),
        help="Addresses without a country column (or with an empty one) are in "
        "this country; Dutch postcodes are checked and written as “1234 AB”.",
    )
    on_match = fields.Selection(
        [
            ("review", "Create and flag for review"),
            ("update", "Update the existing relation"),
        ],
        string="When a row matches a relation",
        default="review",
        required=True,
        help="A row with the KvK number, e-mail address, phone number or name and "
        "address of a relation already in the address book. Flag for review: the "
        "row is imported as a new relation marked Duplicate to review (a KvK number "
        "is never stored twice). Update: the existing relation gets the row's "
        "contact details. Provinces, municipalities and water boards are always "
        "matched, never created twice.",
    )
    state = fields.Selection(
        [("new", "New"), ("tested", "Tested"), ("done", "Imported")],
        default="new",
        required=True,
    )
    row_count = fields.Integer(string="Rows", readonly=True)
    error_count = fields.Integer(string="Rows with a problem", readonly=True)
    create_count = fields.Integer(string="New relations", readonly=True)
    match_count = fields.Integer(string="Matching existing relations", readonly=True)
    skip_count = fields.Integer(string="Already imported or repeated", readonly=True)
    report = fields.Text(readonly=True)
    problems = fields.Text(readonly=True)
    error_file = fields.Binary(string="Rows to fix", readonly=True, attachment=False)
    error_file_name = fields.Char(readonly=True)

    @api.onchange("file")
    def _onchange_file(self):
        if not self.file or self.preset_id:
            return
        try:
            table = relation_import.read_table(base64.b64decode(self.file))
        except relation_import.ImportFileError:
            return
        self.preset_id = self.env["gov.partner.import.preset"]._gov_best_for(
            table.headers
        )

    def action_test(self):
        """Check the whole file; write nothing but the report."""
        self.ensure_one()
        plan = self._gov_plan()
        self._gov_show(plan, saved=False)
        self.state = "tested"
        return self._gov_reopen()

    def action_import(self):
        """Check the whole file again and save every valid row, or none."""
        self.ensure_one()
        plan = self._gov_plan()
        failure = None
        if not plan.file_error:
            try:
                with self.env.cr.savepoint():
                    plan.write(self._gov_partner_model())
            except (UserError, psycopg2.IntegrityError) as error:
                # Rolled back to the savepoint: not one row of the file is saved.
                # Any other error rolls back the whole request, with Odoo's own
                # error dialog: nothing is saved either way.
                failure = error
        self._gov_show(plan, saved=failure is None and not plan.file_error)
        if failure is not None:
            self.report = "\n".join(
                [
                    self.env._(
                        "Nothing was saved: %(error)s. Correct this and press "
                        "Import again; no relation of this file was created.",
                        error=str(failure.args[0] if failure.args else failure),
                    ),
                    "",
                    self.report,
                ]
            )
            self.state = "tested"
        else:
            self.state = "done" if not plan.file_error else "tested"
        return self._gov_reopen()

    def action_show_review(self):
        """The relations of the address book still flagged for review."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gov_addressbook.res_partner_action"
        )
        action["domain"] = [("gov_duplicate_review", "=", True)]
        action["context"] = {}
        return action

    def _gov_progress(self, stage, done, total):
        """Called while a file is checked (``stage`` "checking") and saved
        ("saving"), with the rows done of ``total``. Nothing to do here: the
        background import (gov_addressbook_import) shows it."""

    def _gov_partner_model(self):
        return self.env["res.partner"].with_context(**BULK_CONTEXT)

    def _gov_plan(self):
        planner = ImportPlanner(self.env, self)
        planner.analyse(base64.b64decode(self.file or b""))
        return planner

    def _gov_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import relations"),
        }

    def _gov_text_limits_for_rows(self):
        return {
            "name": PARTNER_TEXT_LIMITS["name"],
            "firstname": PARTNER_TEXT_LIMITS["firstname"],
            "lastname": PARTNER_TEXT_LIMITS["lastname"],
            "email": PARTNER_TEXT_LIMITS["email"],
            "street": PARTNER_TEXT_LIMITS["street"],
            "city": PARTNER_TEXT_LIMITS["city"],
            "function": PARTNER_TEXT_LIMITS["function"],
            "website": PARTNER_TEXT_LIMITS["website"],
            "organisation": PARTNER_TEXT_LIMITS["name"],
            "source_id": PARTNER_TEXT_LIMITS["ref"],
        }

    def _gov_show(self, plan, saved):
        """Write the counts, the problems and the file of rows to fix."""
        self.preset_id = plan.preset
        self.row_count = plan.row_count
        self.error_count = len(plan.error_rows)
        self.create_count = plan.saved["created"] if saved else plan.planned_creates()
        self.match_count = plan.count("match", "reference", "complete")
        self.skip_count = plan.count("already", "repeat")
        self.report = "\n".join(plan.report_lines(saved))
        self.problems = "\n".join(plan.problem_lines) or False
        self.error_file = False
        self.error_file_name = False
        if plan.error_rows and plan.table:
            self.error_file = base64.b64encode(self._gov_error_table(plan))
            stem = (self.file_name or "relaties").rsplit(".", 1)[0]
            extension = "xlsx" if plan.table.encoding == "xlsx" else "csv"
            self.error_file_name = self.env._(
                "%(stem)s - to fix.%(extension)s", stem=stem, extension=extension
            )

    def _gov_error_table(self, plan):
        """The invalid rows in the file's own layout, with what to fix last."""
        width = len(plan.table.headers)
        rows = [
            [*cells[:width], *[""] * (width - len(cells)), " ".join(problems)]
            for number, cells in plan.table.rows
            for problems in [plan.error_rows.get(number)]
            if problems
        ]
        return relation_import.write_table(
            [*plan.table.headers, self.env._("Problem")],
            rows,
            plan.table.separator,
            plan.table.encoding,
        )
