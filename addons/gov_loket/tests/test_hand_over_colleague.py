from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestHandOverToColleague(GovLoketCase):
    """Any internal user of the organisation can receive a request, not only
    Loket staff: ``outsider`` has no Loket or address-book role at all."""

    def setUp(self):
        super().setUp()
        self.ticket = self._new_ticket(
            self.front_desk, received_date=self._utc(2026, 4, 22)
        )

    def test_pickers_offer_every_colleague(self):
        Wizard = self.env["helpdesk.ticket.hand.over"].with_user(self.front_desk)
        domain = Wizard._fields["user_id"].domain
        candidates = self.env["res.users"].with_user(self.front_desk).search(domain)
        self.assertIn(self.outsider, candidates)
        Line = self.env["gov.loket.register.line"].with_user(self.front_desk)
        domain = Line._fields["user_id"].domain
        candidates = self.env["res.users"].with_user(self.front_desk).search(domain)
        self.assertIn(self.outsider, candidates)

    def test_colleague_outside_the_loket_sees_and_answers(self):
        self.ticket.with_user(self.front_desk).action_hand_over(
            self.outsider.id, "Could you look into this permit?"
        )
        as_colleague = self.ticket.with_user(self.outsider)
        self.assertEqual(as_colleague.name, self.ticket.name)
        self.assertEqual(
            self.Ticket.with_user(self.outsider).search(
                [("user_id", "=", self.outsider.id)]
            ),
            self.ticket,
        )
        self.assertTrue(as_colleague.handover_to_me)
        self.assertTrue(as_colleague.handover_to_accept)
        as_colleague.action_accept_hand_over()
        self.assertEqual(self.ticket.handover_ids.state, "accepted")
        self.ticket.invalidate_recordset()
        self.assertTrue(as_colleague.handover_to_me)
        self.assertFalse(as_colleague.handover_to_accept)
        as_colleague.action_answer("Your permit starts on Monday.", "email")
        self.assertTrue(self.ticket.closed)
        self.assertEqual(self.ticket.handover_ids.state, "done")
        outbound = self.ticket.contact_moment_ids.filtered(
            lambda m: m.direction == "outbound"
        )
        self.assertEqual(outbound.user_id, self.outsider)

    def test_colleague_sends_back(self):
        self.ticket.with_user(self.front_desk).action_hand_over(self.outsider.id, "x")
        wizard = Form(
            self.env["helpdesk.ticket.return"]
            .with_user(self.outsider)
            .with_context(default_ticket_id=self.ticket.id)
        )
        wizard.reason = "Not my department: try Roads."
        wizard.save().action_confirm()
        self.assertEqual(self.ticket.user_id, self.front_desk)
        self.assertEqual(self.ticket.handover_ids.state, "returned")

    def test_no_rights_on_other_requests(self):
        other = self._new_ticket(self.front_desk)
        with self.assertRaises(AccessError):
            other.with_user(self.outsider).read(["name"])
        # Once the request moved on, following it gives no right to edit it.
        self.ticket.with_user(self.front_desk).action_hand_over(self.outsider.id, "x")
        self.ticket.with_user(self.front_desk).action_hand_over(self.employee.id, "y")
        self.ticket.with_user(self.outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.ticket.with_user(self.outsider).write({"name": "Changed"})
