from datetime import datetime, timedelta

from odoo.tests import new_test_user, tagged

from .common import GovCampagneCase


@tagged("post_install", "-at_install")
class TestEventRegistrationMoments(GovCampagneCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.Campaign.create({"name": "Opening"})
        begin = datetime(2030, 5, 1, 19, 0)
        Event = cls.env["event.event"].with_user(cls.communication)
        event_vals = {"date_begin": begin, "date_end": begin + timedelta(hours=2)}
        cls.event = Event.create(
            {**event_vals, "name": "Opening brug", "gov_campaign_id": cls.campaign.id}
        )
        cls.plain_event = Event.create({**event_vals, "name": "Personeelsuitje"})
        cls.Registration = cls.env["event.registration"].with_user(cls.communication)

    def _moments(self, partner):
        return self.Moment.search(
            [("partner_id", "=", partner.id), ("res_model", "=", "event.event")]
        )

    def test_registration_and_attendance_on_timeline(self):
        registration = self.Registration.create(
            {"event_id": self.event.id, "partner_id": self.journalist.id}
        )
        moments = self._moments(self.journalist)
        self.assertEqual(len(moments), 1)
        self.assertEqual(moments.res_id, self.event.id)
        self.assertEqual(moments.direction, "inbound")
        self.assertIn("Registered", moments.subject)
        registration.action_set_done()
        moments = self._moments(self.journalist)
        self.assertEqual(len(moments), 2)
        self.assertEqual(set(moments.mapped("channel")), {"other", "meeting"})
        # Setting it done again logs nothing new.
        registration.action_set_done()
        self.assertEqual(len(self._moments(self.journalist)), 2)

    def test_draft_registration_logged_on_confirm(self):
        registrations = self.Registration.create(
            [
                {"event_id": self.event.id, "partner_id": partner.id, "state": "draft"}
                for partner in (self.citizen, self.journalist_two)
            ]
        )
        self.assertFalse(self._moments(self.citizen))
        registrations.action_confirm()
        self.assertEqual(len(self._moments(self.citizen)), 1)
        self.assertEqual(len(self._moments(self.journalist_two)), 1)

    def test_event_outside_campaign_not_logged(self):
        self.Registration.create(
            {"event_id": self.plain_event.id, "partner_id": self.journalist.id}
        )
        self.assertFalse(self._moments(self.journalist))

    def test_event_user_without_addressbook_rights_logs_moments(self):
        desk = new_test_user(
            self.env, "gov_event_desk", groups="event.group_event_user"
        )
        self.env["event.registration"].with_user(desk).create(
            {"event_id": self.event.id, "partner_id": self.citizen.id}
        )
        self.assertEqual(len(self._moments(self.citizen)), 1)
