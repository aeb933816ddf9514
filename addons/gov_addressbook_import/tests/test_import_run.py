import base64
from unittest.mock import patch

from odoo.addons.gov_addressbook.tests import relation_file
from odoo.addons.gov_addressbook.wizards.gov_partner_import_plan import (
    ImportPlanner,
)
from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestImportRun(TransactionCase):
    """Relaties importeren in the background: a job with progress and a report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"]
        cls.manager = new_test_user(
            cls.env, "gov_import_run_manager", groups="gov_addressbook.group_manager"
        )
        cls.other_manager = new_test_user(
            cls.env, "gov_import_run_other", groups="gov_addressbook.group_manager"
        )
        cls.employee = new_test_user(
            cls.env, "gov_import_run_employee", groups="gov_addressbook.group_user"
        )
        cls.karin = cls.Partner.create(
            {"name": "Karin Dubbel", "email": "karin@example.nl"}
        )
        cls.file = relation_file.generate(
            organisations=15,
            citizens=30,
            existing_emails=["karin@example.nl"],
            governments=["Gemeente Zwolle"],
            invalid_share=0.05,
            seed=7,
        )

    def _wizard(self, user=None):
        return (
            self.env["gov.partner.import"]
            .with_user(user or self.manager)
            .create(
                {
                    "file": base64.b64encode(self.file.data),
                    "file_name": "relaties.csv",
                }
            )
        )

    def _count(self):
        return self.Partner.with_context(active_test=False).search_count([])

    def test_a_background_import_saves_the_file_and_reports(self):
        before = self._count()
        with trap_jobs() as trap:
            action = self._wizard().action_import_background()
            run = self.env["gov.partner.import.run"].with_user(self.manager)
            run = run.browse(action["res_id"])
            self.assertEqual(run.status, "waiting")
            self.assertEqual(self._count(), before)
            trap.assert_jobs_count(1)
            with self.enter_registry_test_mode():
                trap.perform_enqueued_jobs()
        self.env.invalidate_all()
        self.assertEqual(run.status, "done")
        self.assertEqual(run.progress, 100.0)
        self.assertEqual(run.row_count, self.file.rows)
        self.assertEqual(run.error_count, len(self.file.invalid_rows))
        self.assertEqual(self._count() - before, run.create_count)
        self.assertIn(f"Saved: {run.create_count} new relations", run.report)
        self.assertIn("looks like Karin Dubbel", run.report)
        for number in self.file.invalid_rows:
            self.assertIn(f"Row {number}: ", run.problems)
        to_fix = base64.b64decode(run.error_file).decode("utf-8-sig").splitlines()
        self.assertEqual(len(to_fix) - 1, run.error_count)
        self.assertEqual(run.error_file_name, "relaties - to fix.csv")
        # The job reported its progress while saving.
        self.assertEqual(run.progress_ids.stage, "saving")
        # Importing the same file again in the background creates nothing.
        with trap_jobs() as trap:
            self._wizard().action_import_background()
            with self.enter_registry_test_mode():
                trap.perform_enqueued_jobs()
        self.assertEqual(self._count() - before, run.create_count)

    def test_a_failed_job_saves_nothing_and_says_so(self):
        before = self._count()

        def fail(planner, partners):
            raise RuntimeError("database gone")

        with trap_jobs() as trap:
            action = self._wizard().action_import_background()
            trap.assert_jobs_count(1)
        run = (
            self.env["gov.partner.import.run"]
            .with_user(self.manager)
            .browse(action["res_id"])
        )
        # The job's method itself: queue_job's test runner would wrap it in a
        # savepoint that also drops the progress written beside it.
        # Not Odoo's assertRaises: its savepoint would also drop the progress
        # written beside the job's transaction.
        failure = None
        with (
            patch.object(ImportPlanner, "write", fail),
            self.enter_registry_test_mode(),
        ):
            try:
                run._gov_import()
            except RuntimeError as error:
                failure = error
        self.assertEqual(str(failure), "database gone")
        self.env.invalidate_all()
        self.assertEqual(self._count(), before)
        self.assertEqual(run.status, "failed")
        self.assertFalse(run.result)
        self.assertIn("Nothing was saved: database gone.", run.progress_message)

    def test_test_advises_the_background_for_a_large_file(self):
        wizard = self._wizard()
        with patch(
            "odoo.addons.gov_addressbook_import.wizards.gov_partner_import."
            "LARGE_FILE_ROWS",
            self.file.rows,
        ):
            wizard.action_test()
        self.assertIn("press Import in the background", wizard.report)
        small = self._wizard()
        small.action_test()
        self.assertNotIn("background", small.report)

    def test_runs_are_for_address_book_managers_who_started_them(self):
        with trap_jobs():
            action = self._wizard().action_import_background()
        Run = self.env["gov.partner.import.run"]
        self.assertFalse(
            Run.with_user(self.other_manager).search([("id", "=", action["res_id"])])
        )
        with self.assertRaises(AccessError):
            Run.with_user(self.employee).search([])
        with self.assertRaises(AccessError):
            self.env["gov.partner.import.progress"].with_user(self.employee).search([])
