from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import GovCampagneCase


@tagged("post_install", "-at_install")
class TestSegment(GovCampagneCase):
    """Static lists as campaign audiences, filled from the address book."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Segment = cls.env["gov.segment"].with_user(cls.communication)
        cls.members = (
            cls.journalist
            | cls.citizen
            | cls.do_not_contact
            | cls.deceased
            | cls.blacklisted
            | cls.no_email
        )

    def _add_from_address_book(self, partners, **values):
        wizard = Form(
            self.env["gov.segment.add"]
            .with_user(self.communication)
            .with_context(active_model="res.partner", active_ids=partners.ids)
        )
        for name, value in values.items():
            setattr(wizard, name, value)
        action = wizard.save().action_add()
        return self.env["gov.segment"].browse(action["res_id"])

    def test_add_to_new_and_existing_list(self):
        segment = self._add_from_address_book(
            self.journalist | self.citizen, new_segment_name="Bewoners Dorpsstraat"
        )
        self.assertEqual(segment.name, "Bewoners Dorpsstraat")
        self.assertEqual(segment.partner_ids, self.journalist | self.citizen)
        # Adding again to the same list keeps each relation once.
        again = self._add_from_address_book(
            self.citizen | self.no_email, segment_id=segment
        )
        self.assertEqual(again, segment)
        self.assertEqual(segment.partner_count, 3)
        self.assertEqual(self.citizen.gov_segment_ids, segment)

    def test_list_audience_respects_exclusions(self):
        segment = self.Segment.create(
            {"name": "Klankbordgroep", "partner_ids": [(6, 0, self.members.ids)]}
        )
        campaign = self.Campaign.create(
            {"name": "Klankbord", "audience_type": "list", "segment_id": segment.id}
        )
        self.assertEqual(
            campaign._get_audience_partners(), self.journalist | self.citizen
        )
        self.assertEqual(
            campaign._get_audience_reachable(), self.journalist | self.citizen
        )
        self.assertEqual(
            (campaign.audience_total_count, campaign.audience_count), (6, 2)
        )
        # The mailing of the campaign reaches the same relations.
        action = campaign.action_new_mailing()
        mailing = (
            self.env["mailing.mailing"]
            .with_user(self.communication)
            .with_context(**action["context"])
            .create({"subject": "Uitnodiging klankbord"})
        )
        self.assertEqual(
            set(mailing._get_remaining_recipients()),
            set((self.journalist | self.citizen).ids),
        )
        # Changing the list changes the audience at the next send.
        segment.partner_ids = [(3, self.citizen.id)]
        self.assertEqual(campaign._get_audience_partners(), self.journalist)

    def test_list_reused_across_campaigns(self):
        segment = self.Segment.create(
            {"name": "Pers regio", "partner_ids": [(6, 0, self.reachable_press.ids)]}
        )
        first, second = self.Campaign.create(
            [
                {"name": "Een", "audience_type": "list", "segment_id": segment.id},
                {"name": "Twee", "audience_type": "list", "segment_id": segment.id},
            ]
        )
        self.assertEqual(segment.campaign_count, 2)
        self.assertEqual(first._get_audience_partners(), self.reachable_press)
        self.assertEqual(second._get_audience_partners(), self.reachable_press)
        # Back to criteria: the list no longer counts.
        second.write(
            {"audience_type": "criteria", "audience_domain": "[('id', '=', 0)]"}
        )
        self.assertFalse(second._get_audience_partners())

    def test_list_type_without_list_reaches_nobody(self):
        campaign = self.Campaign.create({"name": "Leeg", "audience_type": "list"})
        self.assertFalse(campaign._get_audience_partners())
        self.assertEqual(campaign.audience_total_count, 0)

    def test_reader_cannot_change_lists(self):
        segment = self.Segment.create({"name": "Alleen lezen"})
        as_reader = segment.with_user(self.reader)
        self.assertEqual(as_reader.name, "Alleen lezen")
        with self.assertRaises(AccessError):
            as_reader.write({"partner_ids": [(4, self.citizen.id)]})
        with self.assertRaises(AccessError):
            self.env["gov.segment"].with_user(self.reader).create({"name": "Nee"})
        with self.assertRaises(AccessError):
            self.env["gov.segment.add"].with_user(self.reader).create({})
