from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import GovAddressbookCase


@tagged("post_install", "-at_install")
class TestContactMoment(GovAddressbookCase):
    def test_timeline_counts_moments_per_relation(self):
        citizen = self.Partner.create(
            {"name": "Anna Visser", "gov_party_type": "citizen"}
        )
        moments = self.Moment.with_user(self.employee).create(
            [
                {"partner_id": citizen.id, "subject": "Question", "channel": "phone"},
                {
                    "partner_id": citizen.id,
                    "subject": "Answer",
                    "channel": "email",
                    "direction": "outbound",
                },
            ]
        )
        self.assertEqual(citizen.contact_moment_count, 2)
        self.assertEqual(citizen.contact_moment_ids, moments)
        self.assertEqual(moments.user_id, self.employee)

    def test_reader_reads_but_cannot_register(self):
        citizen = self.Partner.create({"name": "Kees Bakker"})
        moment = self.Moment.create({"partner_id": citizen.id, "subject": "Visit"})
        self.assertEqual(moment.with_user(self.reader).subject, "Visit")
        with self.assertRaises(AccessError):
            self.Moment.with_user(self.reader).create(
                {"partner_id": citizen.id, "subject": "Not allowed"}
            )

    def test_employee_without_reader_group_sees_no_timeline(self):
        citizen = self.Partner.create({"name": "Els Smit"})
        moment = self.Moment.create({"partner_id": citizen.id, "subject": "Letter"})
        with self.assertRaises(AccessError):
            moment.with_user(self.plain_employee).read(["subject"])

    def test_confidential_moment_only_for_its_employee(self):
        citizen = self.Partner.create({"name": "Ruud Mulder"})
        secret = self.Moment.with_user(self.employee).create(
            {
                "partner_id": citizen.id,
                "subject": "Personal situation",
                "confidentiality": "vertrouwelijk",
            }
        )
        self.assertEqual(secret.with_user(self.employee).subject, "Personal situation")
        visible = self.Moment.with_user(self.reader).search(
            [("partner_id", "=", citizen.id)]
        )
        self.assertFalse(visible)

    def test_source_record_link(self):
        citizen = self.Partner.create({"name": "Bron Test"})
        moment = self.Moment.create(
            {
                "partner_id": citizen.id,
                "subject": "From partner",
                "res_model": "res.partner",
                "res_id": citizen.id,
            }
        )
        self.assertEqual(moment.source_display, "Bron Test")
        self.assertEqual(moment.action_open_source()["res_id"], citizen.id)

    def test_outbound_features_skip_do_not_contact_and_deceased(self):
        people = self.Partner.create(
            [
                {"name": "Willing Citizen"},
                {"name": "Private Citizen", "gov_do_not_contact": True},
                {"name": "Late Citizen", "gov_deceased": True},
            ]
        )
        reachable = self.Partner.search(
            [("id", "in", people.ids), *self.Partner._gov_contactable_domain()]
        )
        self.assertEqual(reachable.mapped("name"), ["Willing Citizen"])
