from odoo.tests import new_test_user, tagged
from odoo.tests.common import BaseCase

from .. import routing
from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestRoutingPure(BaseCase):
    def test_round_robin(self):
        self.assertEqual(routing.pick_round_robin([7, 3, 5]), 3)
        self.assertEqual(routing.pick_round_robin([7, 3, 5], 3), 5)
        self.assertEqual(routing.pick_round_robin([7, 3, 5], 7), 3)
        # The last one left the rota: the next id still gets the turn.
        self.assertEqual(routing.pick_round_robin([7, 3], 5), 7)
        self.assertIsNone(routing.pick_round_robin([], 5))

    def test_least_loaded(self):
        self.assertEqual(routing.pick_least_loaded([1, 2, 3], {1: 4, 2: 1, 3: 1}), 2)
        self.assertEqual(routing.pick_least_loaded([4, 2], {}), 2)
        self.assertIsNone(routing.pick_least_loaded([], {}))


@tagged("post_install", "-at_install")
class TestRouting(GovLoketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.third = new_test_user(
            cls.env, "loket_third", groups="gov_loket.group_employee"
        )
        cls.members = (cls.employee | cls.colleague | cls.third).sorted("id")
        cls.team_waste = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Waste",
                "user_ids": [(6, 0, cls.members.ids)],
                "gov_assign_method": "round_robin",
            }
        )
        cls.subject_waste = cls.env["helpdesk.ticket.category"].create(
            {"name": "Bins", "team_id": cls.team_waste.id}
        )

    def _new_waste(self, count=1):
        return self.Ticket.with_user(self.front_desk).create(
            [self._ticket_vals(category_id=self.subject_waste.id)] * count
        )

    def test_round_robin_skips_absent(self):
        first, second, third, fourth = self._new_waste(4)
        a, b, c = self.members
        self.assertEqual(
            [first.user_id, second.user_id, third.user_id, fourth.user_id],
            [a, b, c, a],
        )
        b.with_user(b).gov_absent = True  # employees set it themselves
        self.assertEqual(self._new_waste().user_id, c)
        self.assertEqual(self._new_waste().user_id, a)
        self.assertEqual(self.team_waste.gov_last_assigned_user_id, a)

    def test_workload(self):
        self.team_waste.gov_assign_method = "workload"
        a, b, c = self.members
        busy = self._new_waste(2)
        self.assertEqual(busy.user_id, a | b, "equal load: lowest id first")
        self.Ticket.create(
            [self._ticket_vals(user_id=b.id), self._ticket_vals(user_id=c.id)]
        )
        # a has 1 open, b 2, c 1: a (lowest id on the tie).
        self.assertEqual(self._new_waste().user_id, a)
        # a 2, b 2, c 1: c.
        self.assertEqual(self._new_waste().user_id, c)
        # a 2, b 2, c 2, but a is absent: b.
        a.gov_absent = True
        self.assertEqual(self._new_waste().user_id, b)

    def test_manual_and_explicit_assignee_untouched(self):
        explicit = self.Ticket.create(
            self._ticket_vals(
                category_id=self.subject_waste.id, user_id=self.team_lead.id
            )
        )
        self.assertEqual(explicit.user_id, self.team_lead)
        self.team_waste.gov_assign_method = "manual"
        self.assertNotIn(self._new_waste().user_id, self.members)
        self.team_waste.gov_assign_method = "round_robin"
        self.members.write({"gov_absent": True})
        self.assertFalse(self._new_waste().user_id, "everyone absent: nobody")
