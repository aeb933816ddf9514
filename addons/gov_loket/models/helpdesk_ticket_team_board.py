from markupsafe import Markup

from odoo import api, models


class HelpdeskTicket(models.Model):
    """The team lead's board: their teams' open requests, or every request
    they may see while they are in no team yet."""

    _inherit = "helpdesk.ticket"

    @api.model
    def action_gov_team_board(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gov_loket.helpdesk_ticket_action_team_board"
        )
        user = self.env.user
        in_team = bool(
            self.env["helpdesk.ticket.team"].search_count(
                ["|", ("user_ids", "in", user.ids), ("user_id", "=", user.id)],
                limit=1,
            )
        )
        context = {
            "search_default_gov_open": 1,
            "default_group_by": "stage_id",
            "create": False,
        }
        if in_team:
            context["search_default_gov_my_teams"] = 1
            title = self.env._("No open requests in your teams")
            hint = self.env._(
                "Remove the filter My teams to see the other open requests."
            )
        else:
            # An empty "My teams" board would say nothing: show what they may see.
            title = self.env._("No open requests to show")
            hint = self.env._(
                "You are not a member or leader of a team yet, so the board "
                "shows every open request you may see. Ask a functional "
                "administrator to add you to your team."
            )
        action["context"] = context
        action["help"] = Markup(
            '<p class="o_view_nocontent_smiling_face">%s</p><p>%s</p>'
        ) % (title, hint)
        return action
