from freezegun import freeze_time

from odoo.tests import tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestFollowUp(GovLoketCase):
    def setUp(self):
        super().setUp()
        self.team_permits.user_id = self.team_lead
        # Received Monday 2 March 2026, norm 5: deadline Monday 9 March.
        self.ticket = self._new_ticket(
            self.front_desk, received_date=self._utc(2026, 3, 2)
        )
        self.ticket.with_user(self.front_desk).action_hand_over(self.employee.id, "A")
        self.Cron = self.Ticket.with_user(self.env.ref("base.user_root"))

    def _todos(self, user, word):
        return self.ticket.activity_ids.filtered(
            lambda a: a.user_id == user and word in (a.summary or "")
        )

    def test_no_reminder_too_early(self):
        with freeze_time("2026-03-05 08:00:00"):
            self.Cron._cron_gov_deadline_follow_up()
        self.assertFalse(self._todos(self.employee, "Deadline near"))
        self.assertFalse(self.ticket.gov_reminder_sent)

    def test_reminder_one_working_day_before_once(self):
        # Friday 6 March: the next working day is the deadline (Monday).
        with freeze_time("2026-03-06 08:00:00"):
            self.Cron._cron_gov_deadline_follow_up()
            self.Cron._cron_gov_deadline_follow_up()
        self.assertEqual(len(self._todos(self.employee, "Deadline near")), 1)
        self.assertTrue(self.ticket.gov_reminder_sent)
        self.assertFalse(self.ticket.gov_escalated)

    def test_new_assignee_is_reminded_again(self):
        with freeze_time("2026-03-06 08:00:00"):
            self.Cron._cron_gov_deadline_follow_up()
            self.ticket.with_user(self.front_desk).action_hand_over(
                self.colleague.id, "B"
            )
            self.assertFalse(self.ticket.gov_reminder_sent)
            self.Cron._cron_gov_deadline_follow_up()
        self.assertEqual(len(self._todos(self.colleague, "Deadline near")), 1)

    def test_escalation_to_team_lead_once(self):
        with freeze_time("2026-03-10 08:00:00"):
            self.assertTrue(self.ticket.is_overdue)
            self.Cron._cron_gov_deadline_follow_up()
            self.Cron._cron_gov_deadline_follow_up()
        todo = self._todos(self.team_lead, "Overdue")
        self.assertEqual(len(todo), 1)
        self.assertIn("loket_employee", todo.note)
        self.assertTrue(self.ticket.gov_escalated)

    def test_closed_or_leaderless_not_escalated(self):
        roads = self._new_ticket(
            self.front_desk,
            received_date=self._utc(2026, 3, 2),
            category_id=self.subject_roads.id,
        )
        self.ticket.with_user(self.employee).action_answer("Answered late.", "email")
        with freeze_time("2026-04-10 08:00:00"):
            self.Cron._cron_gov_deadline_follow_up()
        self.assertFalse(self.ticket.gov_escalated)
        self.assertFalse(roads.gov_escalated)
        self.assertFalse(self._todos(self.team_lead, "Overdue"))

    def test_deadline_change_restarts_follow_up(self):
        with freeze_time("2026-03-10 08:00:00"):
            self.Cron._cron_gov_deadline_follow_up()
        self.assertTrue(self.ticket.gov_escalated)
        self.ticket.with_user(self.front_desk).received_date = self._utc(2026, 3, 9)
        self.assertFalse(self.ticket.gov_escalated)

    def test_one_digest_per_colleague_instead_of_a_mail_per_todo(self):
        second = self._new_ticket(self.front_desk, received_date=self._utc(2026, 3, 2))
        second.with_user(self.front_desk).action_hand_over(self.employee.id, "B")
        Message = self.env["mail.message"]
        before = Message.search([("partner_ids", "in", self.team_lead.partner_id.ids)])
        with freeze_time("2026-03-10 08:00:00"):
            self.Cron._cron_gov_deadline_follow_up()
        digests = (
            Message.search([("partner_ids", "in", self.team_lead.partner_id.ids)])
            - before
        )
        self.assertEqual(len(digests), 1)
        self.assertIn(self.ticket.number, digests.body)
        self.assertIn(second.number, digests.body)
