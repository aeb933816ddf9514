from datetime import timedelta

from odoo import fields
from odoo.addons.gov_addressbook.tests.retention_common import RetentionMixin
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .topic_common import GovTopicCase


@tagged("post_install", "-at_install")
class TestCampagneRetention(RetentionMixin, GovTopicCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._gov_retention_setup()
        cls.today = fields.Date.today()

    def _run_in(self, days_from_now):
        self._run(self.today + timedelta(days=days_from_now))

    def test_registration_is_anonymised_for_the_attendance_figures(self):
        self._rule("event_registration", "create_date", action="anonymise")
        event = self.env["event.event"].create(
            {
                "name": "Opening brug",
                "date_begin": fields.Datetime.now(),
                "date_end": fields.Datetime.now() + timedelta(hours=2),
            }
        )
        registration = self.env["event.registration"].create(
            {"event_id": event.id, "partner_id": self.citizen.id}
        )
        self.assertTrue(registration.email)
        self._run_in(360)
        self.assertEqual(registration.partner_id, self.citizen, "within its year")
        self._run_in(370)
        self.assertEqual(registration.partner_id, self.anonymous)
        self.assertFalse(registration.email)
        self.assertNotIn(self.citizen.name, registration.name or "")
        self.assertEqual(event.seats_taken, 1, "the attendance figure stays")

    def test_withdrawn_subscription_and_its_proof_go_together(self):
        self._rule("topic_subscription", "withdrawn_at", term=5)
        self._rule("consent_log", "date", term=5, sequence=50)
        withdrawn = self._subscribe_confirmed(self.citizen)
        withdrawn.action_withdraw()
        running = self._subscribe_confirmed(self.journalist)
        withdrawn_lines, running_lines = self._logs(withdrawn), self._logs(running)
        self.assertTrue(withdrawn_lines and running_lines)
        self._run_in(4 * 365)
        self.assertTrue(withdrawn.exists() and withdrawn_lines.exists())
        self._run_in(6 * 365)
        self.assertFalse(withdrawn.exists())
        self.assertFalse(withdrawn_lines.exists(), "deleted with their subscription")
        self._run_in(30 * 365)
        self.assertTrue(running.exists(), "a running subscription is never deleted")
        self.assertEqual(running_lines.exists(), running_lines, "nor its proof")

    def test_consent_log_stays_append_only_outside_the_job(self):
        subscription = self._subscribe_confirmed(self.citizen)
        with self.assertRaises(UserError):
            self._logs(subscription).unlink()

    def test_communication_cannot_maintain_retention(self):
        with self.assertRaises(AccessError):
            self.Rule.with_user(self.communication).search([])
        rules = self.Rule.with_user(self.privacy_officer).search(
            [("active", "=", False), ("kind", "=", "consent_log")]
        )
        self.assertIn("AVG", rules.source)
