import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestInsightFigures(GovLoketCase):
    """Stored reporting figures, set when a request is closed."""

    def setUp(self):
        super().setUp()
        self.done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        self.new = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        # Received Monday 2 March 2026, norm 5: deadline Monday 9 March.
        self.ticket = self._new_ticket(
            self.front_desk, received_date=self._utc(2026, 3, 2)
        )

    def _close(self, when):
        with freeze_time(when):
            self.ticket.with_user(self.front_desk).write({"stage_id": self.done.id})

    def test_open_request_has_no_closing_figures(self):
        self.assertEqual(self.ticket.deadline_date, datetime.date(2026, 3, 9))
        self.assertFalse(self.ticket.answered_within_norm)
        self.assertEqual(self.ticket.handling_days, 0)
        self.assertFalse(self.ticket.closed_month)
        self.assertEqual(self.ticket.open_count, 1)

    def test_closed_on_deadline_is_within_norm(self):
        self._close("2026-03-09 15:00:00")
        self.assertTrue(self.ticket.answered_within_norm)
        self.assertEqual(self.ticket.within_norm_pct, 100)
        self.assertEqual(self.ticket.handling_days, 5)
        self.assertEqual(self.ticket.closed_month, datetime.date(2026, 3, 1))
        self.assertEqual(self.ticket.open_count, 0)

    def test_closed_after_deadline_is_late(self):
        # Tuesday 10 March: one working day late; the weekend does not count.
        self._close("2026-03-10 09:00:00")
        self.assertFalse(self.ticket.answered_within_norm)
        self.assertEqual(self.ticket.within_norm_pct, 0)
        self.assertEqual(self.ticket.handling_days, 6)

    def test_closed_month_uses_local_time(self):
        # 23:30 UTC on 31 March is already 1 April in Amsterdam (summer time).
        self._close("2026-03-31 23:30:00")
        self.assertEqual(self.ticket.closed_month, datetime.date(2026, 4, 1))

    def test_reopening_clears_the_figures(self):
        self._close("2026-03-04 10:00:00")
        self.assertTrue(self.ticket.answered_within_norm)
        self.ticket.with_user(self.front_desk).write({"stage_id": self.new.id})
        self.assertFalse(self.ticket.answered_within_norm)
        self.assertFalse(self.ticket.closed_month)
        self.assertEqual(self.ticket.open_count, 1)

    def test_first_time_right_percentage(self):
        self.assertEqual(self.ticket.first_time_right_pct, 0)
        self.ticket.contact_outcome = "answered"
        self.assertEqual(self.ticket.first_time_right_pct, 100)

    def test_pivot_averages_per_team(self):
        self._close("2026-03-04 10:00:00")
        late = self._new_ticket(self.front_desk, received_date=self._utc(2026, 3, 2))
        with freeze_time("2026-03-11 10:00:00"):
            late.with_user(self.front_desk).write({"stage_id": self.done.id})
        groups = self.Ticket.with_user(self.team_lead)._read_group(
            [("stage_id.closed", "=", True)],
            ["team_id"],
            ["within_norm_pct:avg", "handling_days:avg"],
        )
        self.assertEqual(groups, [(self.team_permits, 50.0, 4.5)])
