from datetime import date, datetime

from odoo.addons.gov_addressbook.tests.retention_common import RetentionMixin
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestLoketRetention(RetentionMixin, GovLoketCase):
    """Closed requests end their term; an open request keeps everything about
    its relation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._gov_retention_setup()
        cls.kees = cls.env["res.partner"].create(
            {"name": "Kees Bakker", "gov_party_type": "citizen"}
        )

    def _closed_ticket(self, closed_on, **values):
        ticket = self._new_ticket(**values)
        ticket.action_hand_over(self.employee.id, "Anna de Vries belt terug")
        ticket.action_answer("Your permit starts on Monday, Anna.", "email")
        ticket.closed_date = closed_on
        return ticket

    def test_closed_request_is_anonymised_for_the_statistics(self):
        self._rule("request", "closed_date", action="anonymise")
        ticket = self._closed_ticket(datetime(2024, 2, 1))
        handovers = self.env["gov.loket.handover"].search(
            [("ticket_id", "=", ticket.id)]
        )
        self.assertTrue(handovers.note)
        self._run(date(2026, 1, 1))
        self.assertEqual(ticket.partner_id, self.anonymous)
        self.assertFalse(ticket.answer)
        self.assertFalse(ticket.partner_email)
        for text in (ticket.name, ticket.description, ticket.partner_name or ""):
            self.assertNotIn("Anna", text)
        self.assertFalse(handovers.note, "the hand-over note named her")
        self.assertEqual(
            (ticket.category_id, ticket.channel_id),
            (self.subject_permit, self.channel_counter),
            "subject and channel stay for the dashboard",
        )
        self.assertFalse(
            ticket.message_ids.filtered(lambda m: "Anna" in (m.body or "")),
        )

    def test_open_request_keeps_everything_about_its_relation(self):
        self._rule("contact_moment", "occurred_at")
        Moment = self.env["gov.contact.moment"]
        old = {"occurred_at": datetime(2020, 1, 1), "subject": "Old question"}
        anna_moment = Moment.create({**old, "partner_id": self.citizen.id})
        kees_moment = Moment.create({**old, "partner_id": self.kees.id})
        ticket = self._new_ticket()
        self._run(date(2026, 1, 1))
        self.assertTrue(anna_moment.exists(), "Anna has an open request")
        self.assertFalse(kees_moment.exists())
        ticket.action_answer("Done.", "email")
        self._run(date(2026, 1, 1))
        self.assertFalse(anna_moment.exists())

    def test_open_request_is_never_destroyed(self):
        self._rule("request", "create_date")
        ticket = self._new_ticket()
        ticket.closed_date = datetime(2020, 1, 1)
        self._run(date(2030, 1, 1))
        self.assertTrue(ticket.exists())

    def test_rule_per_subject(self):
        self._rule(
            "request",
            "closed_date",
            action="anonymise",
            category_id=self.subject_roads.id,
        )
        permit = self._closed_ticket(datetime(2024, 2, 1))
        roads = self._closed_ticket(
            datetime(2024, 2, 1), category_id=self.subject_roads.id
        )
        self._run(date(2026, 1, 1))
        self.assertEqual(roads.partner_id, self.anonymous)
        self.assertEqual(permit.partner_id, self.citizen)

    def test_loket_staff_cannot_maintain_retention(self):
        rule = self._rule("request", "closed_date")
        for user in (self.front_desk, self.team_lead, self.employee):
            with self.assertRaises(AccessError):
                rule.with_user(user).read(["name"])
        officer = new_test_user(
            self.env, "loket_privacy", groups="gov_addressbook.group_privacy_officer"
        )
        rule.with_user(officer).category_id = self.subject_permit
        self.assertEqual(rule.with_user(officer).category_id.name, "Parking permit")
