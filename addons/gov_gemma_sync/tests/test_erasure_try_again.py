from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_klantinteracties_erasure import ErasureCase


@tagged("post_install", "-at_install")
class TestErasureTryAgain(ErasureCase):
    """Copies that ended "Erase by hand" (the register refused, or there was
    no connection) are queued again by a privacy officer once it is repaired."""

    def report(self, user=None):
        return (
            self.env["gov.privacy.erasure.report"]
            .with_user(user or self.officer)
            .search([("partner_ref", "=", self.citizen.id)])
        )

    def refuse(self):
        """Anonymise while the register refuses: every copy is by hand."""
        self.server.fail_with, self.server.fail_api = 403, "klantinteracties"
        _wizard, trap = self.anonymise()
        with trap_jobs():
            trap.perform_enqueued_jobs()
        self.assertEqual(set(self.lines().mapped("state")), {"manual"})
        self.assertEqual(self.report().zgw_manual_count, 4)
        self.server.requests.clear()

    def test_try_again_once_the_rights_are_fixed(self):
        self.refuse()
        self.server.fail_with = None  # the register's rights are fixed
        report = self.report()
        with trap_jobs() as trap:
            report.action_zgw_erasure_retry()
            trap.assert_jobs_count(1)  # one job for the relation
            lines = self.lines()
            self.assertEqual(set(lines.mapped("state")), {"pending"})
            self.assertEqual(set(lines.mapped("attempts")), {0})
            self.assertFalse(any(lines.mapped("reason")))
            # Off the list of work by hand; no button for a second job.
            self.assertEqual(report.manual_count, 0)
            self.assertNotIn(self.partij_uuid, report.manual_items or "")
            self.assertEqual(report.zgw_manual_count, 0)
            with self.assertRaises(UserError):
                report.action_zgw_erasure_retry()
            trap.assert_jobs_count(1)
            self.assertEqual(self.server.requests, [])  # nothing sent yet
            trap.perform_enqueued_jobs()
        lines = self.lines()
        self.assertEqual(len(lines), 5)  # the digitaal adres found on the way
        self.assertEqual(set(lines.mapped("state")), {"done"})
        klant = self.server.klant
        self.assertEqual(klant.partijen, {})
        self.assertEqual(klant.klantcontacten, {})
        self.assertEqual(klant.internetaken, {})
        self.assertEqual(klant.digitaleadressen, {})
        self.assertFalse(self.citizen.zgw_partij_uuid)
        self.assertEqual(report.manual_count, 0)

    def test_no_second_job_while_one_waits(self):
        self.refuse()
        self.server.fail_with = 503  # down now: the job waits for a retry
        report = self.report()
        with trap_jobs() as trap:
            report.action_zgw_erasure_retry()
            with trap_jobs() as retrap:
                trap.perform_enqueued_jobs()
                retrap.assert_jobs_count(1)
                self.assertEqual(set(self.lines().mapped("state")), {"pending"})
                # A copy refused meanwhile is queued again: the waiting job of
                # the relation takes it along, no second job is added.
                refused = self.lines()[0].sudo()
                refused.write({"state": "manual", "reason": "HTTP 403"})
                report.action_zgw_erasure_retry()
                retrap.assert_jobs_count(1)
                self.assertEqual(refused.state, "pending")
                self.server.fail_with = None
                retrap.perform_enqueued_jobs()
        self.assertEqual(set(self.lines().mapped("state")), {"done"})
        self.assertEqual(self.server.klant.partijen, {})

    def test_no_connection_then_refused_again_by_hand(self):
        self.klant_service.active = False
        _wizard, trap = self.anonymise()
        trap.assert_jobs_count(0)
        report = self.report()
        self.assertEqual(report.manual_count, 4)
        self.assertIn("No Klantinteracties connection", self.lines()[0].reason)
        # Without a connection there is nothing to try again with.
        with self.assertRaises(UserError), trap_jobs() as trap:
            report.action_zgw_erasure_retry()
        trap.assert_jobs_count(0)
        self.assertEqual(set(self.lines().mapped("state")), {"manual"})
        self.assertEqual(report.manual_count, 4)
        # The connection is repaired, but the register refuses.
        self.klant_service.write({"active": True, "is_default": True})
        self.server.fail_with, self.server.fail_api = 403, "klantinteracties"
        with trap_jobs() as trap:
            report.action_zgw_erasure_retry()
            trap.assert_jobs_count(1)
            self.assertEqual(set(self.lines().mapped("state")), {"pending"})
            with trap_jobs() as retrap:
                trap.perform_enqueued_jobs()
                retrap.assert_jobs_count(0)  # a refusal is not retried
        lines = self.lines()
        self.assertEqual(set(lines.mapped("state")), {"manual"})
        self.assertEqual(lines.service_id, self.klant_service)
        self.assertTrue(all("HTTP 403" in line.reason for line in lines))
        # By hand again, listed once (not twice) on the report.
        self.assertEqual(report.manual_count, 4)
        self.assertEqual(report.manual_items.count(self.partij_uuid), 1)
        self.assertEqual(len(self.server.klant.partijen), 1)

    def test_try_again_for_privacy_officers_only(self):
        self.refuse()
        self.server.fail_with = None
        report = self.report()
        with self.assertRaises(AccessError):
            report.with_user(self.employee).action_zgw_erasure_retry()
        with self.assertRaises(AccessError):
            self.lines().with_user(self.officer).write({"state": "pending"})
        # Once the work by hand is recorded as done, nothing is queued.
        report.action_mark_manual_done()
        with self.assertRaises(UserError), trap_jobs() as trap:
            report.action_zgw_erasure_retry()
        trap.assert_jobs_count(0)
        self.assertEqual(set(self.lines().mapped("state")), {"manual"})
