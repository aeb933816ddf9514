from odoo.tests import Form, tagged

from .common import GovAddressbookCase


@tagged("post_install", "-at_install")
class TestDuplicates(GovAddressbookCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.existing = cls.Partner.create(
            {
                "name": "Karin Dubbel",
                "email": "karin@example.nl",
                "phone": "06 11122233",
                "zip": "1011 AB",
                "street": "Damrak 1",
                "country_id": cls.env.ref("base.nl").id,
            }
        )

    def test_warning_while_entering_same_email_or_phone(self):
        form = Form(self.Partner.with_user(self.employee))
        form.firstname = "Karel"
        form.lastname = "Dubbelman"
        self.assertFalse(form.gov_duplicate_ids)
        form.email = "KARIN@example.nl"
        self.assertEqual(form.gov_duplicate_ids[:]._origin, self.existing)
        form.email = False
        form.phone = "+31 6 111 222 33"
        self.assertEqual(form.gov_duplicate_ids[:]._origin, self.existing)

    def test_same_name_and_address(self):
        other = self.Partner.new(
            {"name": "karin dubbel", "zip": "1011 AB", "street": "Damrak 1"}
        )
        self.assertEqual(other.gov_duplicate_ids._origin, self.existing)
        self.assertFalse(self.existing.gov_duplicate_ids)

    def test_merge_keeps_contact_moments(self):
        duplicate = self.Partner.create({"name": "Karin Dubbel (2)"})
        moments = self.Moment.create(
            [
                {"partner_id": self.existing.id, "subject": "First call"},
                {"partner_id": duplicate.id, "subject": "Second call"},
            ]
        )
        wizard = (
            self.env["base.partner.merge.automatic.wizard"]
            .with_context(active_model="res.partner")
            .create({})
        )
        wizard._merge((self.existing | duplicate).ids, self.existing)
        self.assertFalse(duplicate.exists())
        self.assertEqual(moments.partner_id, self.existing)
        self.assertEqual(self.existing.contact_moment_count, 2)
