from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestAccess(GovLoketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.permit_ticket = cls.Ticket.with_user(cls.front_desk).create(
            cls._ticket_vals()
        )
        cls.roads_ticket = cls.Ticket.with_user(cls.front_desk).create(
            cls._ticket_vals(name="Pothole", category_id=cls.subject_roads.id)
        )
        cls.permit_ticket.with_user(cls.front_desk).action_hand_over(
            cls.employee.id, "Please answer"
        )

    def test_front_desk_sees_all(self):
        Ticket = self.Ticket.with_user(self.front_desk)
        found = Ticket.search(
            [("id", "in", (self.permit_ticket | self.roads_ticket).ids)]
        )
        self.assertEqual(len(found), 2)

    def test_employee_sees_only_handed_over(self):
        Ticket = self.Ticket.with_user(self.employee)
        self.assertEqual(
            Ticket.search([("id", "in", (self.permit_ticket | self.roads_ticket).ids)]),
            self.permit_ticket,
        )
        with self.assertRaises(AccessError):
            self.roads_ticket.with_user(self.employee).read(["name"])
        with self.assertRaises(AccessError):
            self.roads_ticket.with_user(self.employee).action_answer("x", "email")

    def test_team_lead_sees_team(self):
        Ticket = self.Ticket.with_user(self.team_lead)
        self.assertEqual(
            Ticket.search([("id", "in", (self.permit_ticket | self.roads_ticket).ids)]),
            self.permit_ticket,
        )
        handovers = self.env["gov.loket.handover"].with_user(self.team_lead).search([])
        self.assertEqual(handovers, self.permit_ticket.handover_ids)

    def test_handover_history_is_append_only(self):
        handover = self.permit_ticket.handover_ids
        as_employee = handover.with_user(self.employee)
        self.assertEqual(as_employee.read(["state"])[0]["state"], "pending")
        with self.assertRaises(AccessError):
            as_employee.write({"note": "rewritten"})
        with self.assertRaises(AccessError):
            as_employee.unlink()
        with self.assertRaises(AccessError):
            handover.with_user(self.front_desk).unlink()

    def test_colleague_does_not_see_others_handovers(self):
        Handover = self.env["gov.loket.handover"].with_user(self.colleague)
        self.assertFalse(Handover.search([]))

    def test_outsider_has_no_loket(self):
        # A colleague outside the Loket only sees hand-overs to or from them.
        self.assertFalse(
            self.env["gov.loket.handover"].with_user(self.outsider).search([])
        )
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket.hand.over"].with_user(self.outsider).create(
                {"ticket_id": self.permit_ticket.id, "user_id": self.employee.id}
            )
        with self.assertRaises(AccessError):
            self.Ticket.with_user(self.outsider).create(self._ticket_vals())

    def test_only_admin_configures_subjects(self):
        with self.assertRaises(AccessError):
            self.subject_permit.with_user(self.front_desk).write(
                {"service_norm_days": 1}
            )
        admin = self.env.ref("base.user_admin")
        self.subject_permit.with_user(admin).write({"service_norm_days": 1})
        self.assertEqual(self.subject_permit.service_norm_days, 1)
