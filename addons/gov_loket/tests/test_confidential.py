from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestConfidentialSubjects(GovLoketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, "loket_conf_manager", groups="gov_loket.group_manager"
        )
        # Team members follow their team's requests as team leads do.
        cls.member = new_test_user(
            cls.env, "loket_conf_member", groups="gov_loket.group_team_lead"
        )
        cls.team_social = cls.env["helpdesk.ticket.team"].create(
            {"name": "Social care", "user_ids": [(6, 0, cls.member.ids)]}
        )
        cls.subject_care = cls.env["helpdesk.ticket.category"].create(
            {
                "name": "Youth care",
                "confidential": True,
                "team_id": cls.team_social.id,
            }
        )
        cls.secret = cls.Ticket.create(
            cls._ticket_vals(
                name="Worries about a child",
                category_id=cls.subject_care.id,
                user_id=cls.employee.id,
            )
        )
        cls.open_one = cls.Ticket.create(cls._ticket_vals(name="Open question"))

    def _visible(self, user):
        ids = (self.secret | self.open_one).ids
        return self.Ticket.with_user(user).search([("id", "in", ids)])

    def test_front_desk_and_colleague_do_not_see_it(self):
        self.assertEqual(self._visible(self.front_desk), self.open_one)
        self.assertFalse(self._visible(self.colleague))
        for user in (self.front_desk, self.colleague):
            with self.assertRaises(AccessError):
                self.secret.with_user(user).read(["name"])

    def test_team_assignee_and_manager_see_it(self):
        for user in (self.member, self.employee, self.manager):
            self.assertIn(self.secret, self._visible(user), user.login)
            self.assertEqual(
                self.secret.with_user(user).read(["name"])[0]["name"],
                "Worries about a child",
            )

    def test_hand_over_opens_it_to_the_new_assignee(self):
        as_member = self.secret.with_user(self.member)
        as_member.action_hand_over(self.colleague.id, "Please call the school")
        self.assertIn(self.secret, self._visible(self.colleague))
        self.assertNotIn(self.secret, self._visible(self.employee))

    def test_contact_moment_marked_confidential(self):
        self.assertEqual(
            self.secret.sudo().contact_moment_ids.confidentiality, "vertrouwelijk"
        )
        self.assertEqual(self.open_one.contact_moment_ids.confidentiality, "intern")

    def test_front_desk_may_register_and_hand_over(self):
        ticket = self._new_ticket(self.front_desk, category_id=self.subject_care.id)
        ticket.with_user(self.front_desk).action_hand_over(self.member.id, "For you")
        self.assertEqual(ticket.user_id, self.member)
        # Who registered it keeps seeing it.
        found = self.Ticket.with_user(self.front_desk).search([("id", "=", ticket.id)])
        self.assertEqual(found, ticket)
