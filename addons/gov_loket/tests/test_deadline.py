import datetime

from odoo.tests import tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestDeadline(GovLoketCase):
    def test_deadline_over_easter(self):
        ticket = self._new_ticket(
            self.front_desk,
            received_date=self._utc(2026, 4, 2),
            category_id=self.subject_roads.id,
        )
        # Norm 10 from Thu 2 April 2026: Easter Monday 6 April is skipped.
        self.assertEqual(ticket.deadline_date, datetime.date(2026, 4, 17))

    def test_deadline_over_kings_day(self):
        ticket = self._new_ticket(self.front_desk, received_date=self._utc(2026, 4, 22))
        # Norm 5 from Wed 22 April 2026: 23, 24, (weekend, 27 King's Day) 28, 29, 30.
        self.assertEqual(ticket.deadline_date, datetime.date(2026, 4, 30))

    def test_received_late_evening_counts_in_dutch_time(self):
        # 23:30 UTC on Thu 2 April is already Friday 3 April in Amsterdam.
        ticket = self._new_ticket(
            self.front_desk, received_date=self._utc(2026, 4, 2, 23, 30)
        )
        self.assertEqual(ticket.deadline_date, datetime.date(2026, 4, 13))

    def test_deadline_follows_subject_norm(self):
        ticket = self._new_ticket(self.front_desk, received_date=self._utc(2026, 3, 2))
        self.assertEqual(ticket.deadline_date, datetime.date(2026, 3, 9))
        self.subject_permit.service_norm_days = 1
        self.assertEqual(ticket.deadline_date, datetime.date(2026, 3, 3))

    def test_no_norm_no_deadline(self):
        # Only when the organisation switched its default norm off (0).
        self.env["ir.config_parameter"].set_param("gov_loket.default_norm_days", 0)
        ticket = self._new_ticket(self.front_desk, category_id=False)
        self.assertFalse(ticket.deadline_date)
        self.assertFalse(ticket.is_overdue)

    def test_callback_has_own_norm(self):
        ticket = self._new_ticket(
            self.front_desk, received_date=self._utc(2026, 4, 2), is_callback=True
        )
        self.assertEqual(ticket.deadline_date, datetime.date(2026, 4, 7))
        without_subject = self._new_ticket(
            self.front_desk,
            received_date=self._utc(2026, 4, 24),
            is_callback=True,
            category_id=False,
        )
        self.assertEqual(without_subject.deadline_date, datetime.date(2026, 4, 29))

    def test_subject_team_routes_request(self):
        ticket = self._new_ticket(self.front_desk)
        self.assertEqual(ticket.team_id, self.team_permits)

    def test_overdue_flag_and_search(self):
        late = self._new_ticket(self.front_desk, received_date=self._utc(2025, 1, 6))
        fresh = self._new_ticket(self.front_desk)
        self.assertTrue(late.is_overdue)
        self.assertFalse(fresh.is_overdue)
        Ticket = self.Ticket.with_user(self.front_desk)
        ours = late | fresh
        self.assertEqual(Ticket.search([("is_overdue", "=", True)]) & ours, late)
        self.assertEqual(Ticket.search([("is_overdue", "=", False)]) & ours, fresh)
        self.assertEqual(Ticket.search([("is_overdue", "!=", True)]) & ours, fresh)
        late.with_user(self.front_desk).action_answer("Your permit starts Monday.")
        self.assertFalse(late.is_overdue)
        self.assertFalse(Ticket.search([("is_overdue", "=", True)]) & ours)
