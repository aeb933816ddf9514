from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestTeamBoard(GovLoketCase):
    """The Team board never opens on an empty "My teams" for a lead in no team."""

    def _board(self, user):
        server_action = self.env.ref("gov_loket.helpdesk_ticket_action_team_board_open")
        action = server_action.with_user(user).run()
        self.assertEqual(action["res_model"], "helpdesk.ticket")
        return action

    def test_lead_of_a_team_sees_my_teams(self):
        action = self._board(self.team_lead)
        self.assertEqual(action["context"].get("search_default_gov_my_teams"), 1)

    def test_lead_in_no_team_sees_every_request_they_may_see(self):
        lead = new_test_user(
            self.env, "loket_lead_no_team", groups="gov_loket.group_team_lead"
        )
        ticket = self._new_ticket(category_id=False)
        action = self._board(lead)
        context = action["context"]
        self.assertNotIn("search_default_gov_my_teams", context)
        self.assertEqual(context.get("search_default_gov_open"), 1)
        self.assertFalse(context.get("create"))
        self.assertIn("not a member", str(action["help"]))
        domain = safe_eval(action.get("domain") or "[]")
        self.assertIn(ticket, self.Ticket.with_user(lead).search(domain))

    def test_board_has_an_address(self):
        server_action = self.env.ref("gov_loket.helpdesk_ticket_action_team_board_open")
        self.assertEqual(server_action.path, "loket-team-board")
        action = self._board(self.team_lead)
        # The web client shows the server action's address: reloading it
        # runs the same choice again.
        self.assertFalse(action.get("path"))
