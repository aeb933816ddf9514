import datetime

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestHandOver(GovLoketCase):
    def setUp(self):
        super().setUp()
        self.ticket = self._new_ticket(
            self.front_desk, received_date=self._utc(2026, 4, 22)
        )

    def _activities(self, user):
        return self.ticket.activity_ids.filtered(lambda a: a.user_id == user)

    def test_hand_over_to_non_team_member(self):
        self.assertNotIn(self.employee, self.team_permits.user_ids)
        self.ticket.with_user(self.front_desk).action_hand_over(
            self.employee.id, "Please check the permit register."
        )
        self.assertEqual(self.ticket.user_id, self.employee)
        self.assertEqual(self.ticket.team_id, self.team_permits)
        handover = self.ticket.handover_ids
        self.assertEqual(len(handover), 1)
        self.assertEqual(handover.from_user_id, self.front_desk)
        self.assertEqual(handover.to_user_id, self.employee)
        self.assertEqual(handover.note, "Please check the permit register.")
        self.assertEqual(handover.state, "pending")
        activity = self._activities(self.employee)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity, handover.activity_id)
        self.assertEqual(activity.date_deadline, datetime.date(2026, 4, 30))
        self.assertIn(self.employee.partner_id, self.ticket.message_partner_ids)
        # The employee now sees the request under "My requests".
        mine = self.Ticket.with_user(self.employee).search(
            [("user_id", "=", self.employee.id)]
        )
        self.assertEqual(mine, self.ticket)

    def test_earlier_due_date(self):
        self.ticket.with_user(self.front_desk).action_hand_over(
            self.employee.id, "Urgent", "2026-04-24"
        )
        self.assertEqual(
            self._activities(self.employee).date_deadline, datetime.date(2026, 4, 24)
        )
        self.assertEqual(self.ticket.handover_ids.date_due, datetime.date(2026, 4, 24))

    def test_hand_on_keeps_history(self):
        self.ticket.with_user(self.front_desk).action_hand_over(self.employee.id, "A")
        self.ticket.with_user(self.employee).action_hand_over(
            self.colleague.id, "Not mine: roads department."
        )
        history = self.ticket.handover_ids.sorted("id")
        self.assertEqual(history.mapped("state"), ["reassigned", "pending"])
        self.assertEqual(history[1].from_user_id, self.employee)
        self.assertEqual(self.ticket.user_id, self.colleague)
        self.assertFalse(self._activities(self.employee))
        self.assertEqual(len(self._activities(self.colleague)), 1)

    def test_employee_answers(self):
        self.ticket.with_user(self.front_desk).action_hand_over(self.employee.id, "A")
        self.ticket.with_user(self.employee).action_answer("Starts Monday.", "email")
        self.assertTrue(self.ticket.closed)
        self.assertEqual(self.ticket.handover_ids.state, "done")
        self.assertFalse(self._activities(self.employee))
        outbound = self.ticket.contact_moment_ids.filtered(
            lambda m: m.direction == "outbound"
        )
        self.assertEqual(outbound.user_id, self.employee)

    def test_refused_targets(self):
        portal = new_test_user(self.env, "loket_portal", groups="base.group_portal")
        registered_by = self.ticket.user_id
        as_desk = self.ticket.with_user(self.front_desk)
        with self.assertRaises(ValidationError):
            as_desk.action_hand_over(portal.id, "x")
        with self.assertRaises(ValidationError):
            as_desk.action_hand_over(0, "x")
        self.assertFalse(self.ticket.handover_ids)
        self.assertEqual(self.ticket.user_id, registered_by)

    def test_closed_request_cannot_be_handed_over(self):
        as_desk = self.ticket.with_user(self.front_desk)
        as_desk.action_answer("Answered at the counter.", "counter")
        with self.assertRaises(UserError):
            as_desk.action_hand_over(self.employee.id, "x")

    def test_wizard(self):
        action = self.ticket.with_user(self.front_desk).action_open_hand_over_wizard()
        self.assertEqual(action["res_model"], "helpdesk.ticket.hand.over")
        Wizard = self.env["helpdesk.ticket.hand.over"].with_user(self.front_desk)
        with Form(Wizard.with_context(**action["context"])) as form:
            self.assertEqual(form.date_due, datetime.date(2026, 4, 30))
            form.user_id = self.employee
            form.note = "Via the wizard"
        form.record.action_confirm()
        self.assertEqual(self.ticket.user_id, self.employee)
        self.assertEqual(self.ticket.handover_ids.note, "Via the wizard")

    def test_accept_and_send_back(self):
        self.ticket.with_user(self.front_desk).action_hand_over(self.employee.id, "A")
        as_employee = self.ticket.with_user(self.employee)
        self.assertTrue(as_employee.handover_to_me)
        self.assertFalse(self.ticket.with_user(self.colleague).handover_to_me)
        as_employee.action_accept_hand_over()
        self.assertEqual(self.ticket.handover_ids.state, "accepted")
        with self.assertRaises(ValidationError):
            as_employee.action_return_hand_over("  ")
        as_employee.action_return_hand_over("This is about roads, not permits.")
        handover = self.ticket.handover_ids
        self.assertEqual(handover.state, "returned")
        self.assertEqual(handover.return_reason, "This is about roads, not permits.")
        self.assertEqual(self.ticket.user_id, self.front_desk)
        self.assertFalse(self._activities(self.employee))
        self.assertEqual(len(self._activities(self.front_desk)), 1)
        self.assertFalse(self.ticket.with_user(self.employee).handover_to_me)
        # Re-assign: the front desk hands it to a colleague; history keeps both.
        self.ticket.with_user(self.front_desk).action_hand_over(self.colleague.id, "B")
        self.assertEqual(
            self.ticket.handover_ids.sorted("id").mapped("state"),
            ["returned", "pending"],
        )

    def test_only_the_addressee_accepts_or_returns(self):
        self.ticket.with_user(self.front_desk).action_hand_over(self.employee.id, "A")
        as_desk = self.ticket.with_user(self.front_desk)
        with self.assertRaises(UserError):
            as_desk.action_accept_hand_over()
        with self.assertRaises(UserError):
            as_desk.action_return_hand_over("Not mine")
        self.assertEqual(self.ticket.handover_ids.state, "pending")

    def test_return_wizard(self):
        self.ticket.with_user(self.front_desk).action_hand_over(self.employee.id, "A")
        action = self.ticket.with_user(self.employee).action_open_return_wizard()
        Wizard = self.env["helpdesk.ticket.return"].with_user(self.employee)
        wizard = Wizard.with_context(**action["context"]).create(
            {"reason": "Wrong desk"}
        )
        wizard.action_confirm()
        self.assertEqual(self.ticket.handover_ids.state, "returned")
        self.assertEqual(self.ticket.user_id, self.front_desk)
