from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .privacy_common import GovPrivacyCase


@tagged("post_install", "-at_install")
class TestPrivacyErasureReport(GovPrivacyCase):
    """The privacy officer's kept report of an anonymisation."""

    def _anonymise(self, partner):
        wizard = (
            self.env["gov.partner.anonymise"]
            .with_user(self.privacy_officer)
            .with_context(active_model="res.partner", active_id=partner.id)
            .create({"confirm_name": partner.name})
        )
        wizard.action_anonymise()
        return self.env["gov.privacy.erasure.report"].with_user(self.privacy_officer)

    def test_anonymisation_keeps_a_report_without_the_person(self):
        self.anna.email = "anna@example.nl"
        self.Moment.create(
            [{"partner_id": self.anna.id, "subject": f"Vraag {n}"} for n in range(2)]
        )
        Report = self._anonymise(self.anna)
        report = Report.search([("partner_ref", "=", self.anna.id)])
        self.assertEqual(len(report), 1)
        self.assertEqual(report.user_id, self.privacy_officer)
        self.assertIn("Contact moments", report.places)
        self.assertEqual(report.manual_count, 0)
        text = " ".join(str(v) for v in report.read()[0].values())
        for value in ("Anna", "Visser", "anna@example.nl", "111222333"):
            self.assertNotIn(value, text)

    def test_report_is_append_only_and_for_privacy_officers(self):
        Report = self._anonymise(self.kees)
        report = Report.search([("partner_ref", "=", self.kees.id)])
        with self.assertRaises(UserError):
            report.write({"manual_items": "nothing"})
        with self.assertRaises(UserError):
            report.unlink()
        admin = self.env.ref("base.user_admin")
        for user in (self.employee, self.reader, self.bsn_officer, admin):
            with self.assertRaises(AccessError):
                report.with_user(user).read(["places"])

    def test_work_by_hand_is_recorded_once(self):
        Report = self.env["gov.privacy.erasure.report"]
        report = Report._gov_keep(
            self.els, "<p>Relation: 1</p>", ["Klantinteracties: erase partij 42."]
        ).with_user(self.privacy_officer)
        self.assertEqual(report.manual_count, 1)
        with self.assertRaises(AccessError):
            report.with_user(self.employee).action_mark_manual_done()
        report.action_mark_manual_done()
        self.assertEqual(report.manual_done_by, self.privacy_officer)
        self.assertTrue(report.manual_done_at)
        with self.assertRaises(UserError):
            report.action_mark_manual_done()
