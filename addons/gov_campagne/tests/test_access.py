from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import GovCampagneCase


@tagged("post_install", "-at_install")
class TestCampagneAccess(GovCampagneCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.Campaign.create(
            {"name": "Toegang", "audience_domain": cls.press_domain}
        )
        cls.release = cls.Release.create(
            {
                "campaign_id": cls.campaign.id,
                "title": "Onder embargo",
                "embargo_at": "2030-01-01 09:00:00",
            }
        )

    def test_reader_reads_campaign_and_count(self):
        campaign = self.campaign.with_user(self.reader)
        self.assertEqual(campaign.name, "Toegang")
        self.assertEqual(campaign.audience_count, 2)

    def test_reader_cannot_create_or_write(self):
        with self.assertRaises(AccessError):
            self.env["gov.campaign"].with_user(self.reader).create({"name": "Nee"})
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.reader).write({"name": "Anders"})
        with self.assertRaises(AccessError):
            self.env["gov.press.release"].with_user(self.reader).create(
                {"campaign_id": self.campaign.id, "title": "Nee"}
            )

    def test_release_under_embargo_hidden_from_reader(self):
        Release = self.env["gov.press.release"].with_user(self.reader)
        self.assertFalse(Release.search([("id", "=", self.release.id)]))
        with self.assertRaises(AccessError):
            self.release.with_user(self.reader).title  # noqa: B018
        self.release.action_schedule()
        self.release._send(now=self.release.embargo_at)
        self.assertEqual(Release.search([("id", "=", self.release.id)]), self.release)

    def test_employee_without_communication_cannot_manage(self):
        employee = self.env["res.users"].create(
            {
                "name": "Medewerker",
                "login": "gov_campagne_employee",
                "group_ids": [(6, 0, self.env.ref("gov_addressbook.group_user").ids)],
            }
        )
        with self.assertRaises(AccessError):
            self.env["gov.campaign"].with_user(employee).create({"name": "Nee"})
        with self.assertRaises(AccessError):
            self.release.with_user(employee).action_schedule()

    def test_communication_manages_everything(self):
        self.assertTrue(
            self.communication.has_group("mass_mailing.group_mass_mailing_user")
        )
        self.release.action_schedule()
        self.release.action_reset_draft()
        self.campaign.action_start()
        self.assertEqual(self.campaign.state, "running")
        self.release.unlink()
        self.campaign.unlink()
        self.assertFalse(self.release.exists() or self.campaign.exists())
