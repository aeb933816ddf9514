from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import GovCampagneCase


@tagged("post_install", "-at_install")
class TestEventInvitation(GovCampagneCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.Campaign.create(
            {"name": "Open dag", "audience_domain": cls.tag_domain}
        )
        begin = datetime(2030, 6, 1, 10, 0)
        Event = cls.env["event.event"].with_user(cls.communication)
        event_vals = {"date_begin": begin, "date_end": begin + timedelta(hours=4)}
        cls.event = Event.create(
            {
                **event_vals,
                "name": "Open dag provinciehuis",
                "gov_campaign_id": cls.campaign.id,
            }
        )
        cls.plain_event = Event.create({**event_vals, "name": "Losse bijeenkomst"})

    def _moments(self):
        return self.Moment.search(
            [
                ("res_model", "=", "event.event"),
                ("res_id", "=", self.event.id),
                ("direction", "=", "outbound"),
            ]
        )

    def _mails_to(self, partner):
        return self.env["mail.mail"].search(
            [
                ("email_to", "=", partner.email_formatted),
                ("subject", "like", "Open dag"),
            ]
        )

    def test_invite_reachable_audience_in_one_batch(self):
        # Who already registered is not invited again.
        self.env["event.registration"].create(
            {"event_id": self.event.id, "partner_id": self.journalist_two.id}
        )
        Moment = type(self.env["gov.contact.moment"])
        original_create = Moment.create
        batches = []

        def counting_create(records, vals_list):
            batches.append(len(vals_list))
            return original_create(records, vals_list)

        self.patch(Moment, "create", counting_create)
        self.event.with_user(self.communication).action_gov_invite_audience()
        self.assertEqual(batches, [2])
        moments = self._moments()
        self.assertEqual(moments.partner_id, self.journalist | self.citizen)
        self.assertTrue(all(moments.mapped("is_bulk")))
        self.assertEqual(set(moments.mapped("channel")), {"email"})
        self.assertIn("Open dag provinciehuis", moments[0].subject)
        self.assertEqual(self.event.gov_invited_count, 2)
        self.assertEqual(len(self._mails_to(self.journalist)), 1)
        self.assertIn("Open dag provinciehuis", self._mails_to(self.citizen).body_html)

    def test_exclusions_respected(self):
        self.event.with_user(self.communication).action_gov_invite_audience()
        excluded = (
            self.do_not_contact
            | self.deceased
            | self.blacklisted
            | self.no_email
            | self.archived
        )
        self.assertFalse(self._moments().partner_id & excluded)
        for partner in excluded.filtered("email"):
            self.assertFalse(self._mails_to(partner))

    def test_invite_needs_open_campaign(self):
        event = self.plain_event.with_user(self.communication)
        with self.assertRaises(UserError):
            event.action_gov_invite_audience()
        self.campaign.action_cancel()
        with self.assertRaises(UserError):
            self.event.with_user(self.communication).action_gov_invite_audience()
        self.assertFalse(self._moments())

    def test_reader_cannot_invite(self):
        with self.assertRaises(AccessError):
            self.event.with_user(self.reader).action_gov_invite_audience()
        self.assertFalse(self._moments())
