from odoo import api, models


class HelpdeskTicket(models.Model):
    """Route new requests without an assignee to a team member."""

    _inherit = "helpdesk.ticket"

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets._gov_route_to_member()
        return tickets

    def _gov_route_to_member(self):
        # sudo: routing reads the team's members and open workload and keeps
        # the round-robin turn on the team, which the creator (front desk,
        # mail gateway, public web form) may not read or write; it only sets
        # the assignee of the requests just created.
        for ticket in self.sudo().filtered(
            lambda t: not t.user_id
            and not t.closed
            and t.team_id.gov_assign_method not in (False, "manual")
        ):
            team = ticket.team_id
            user = team._gov_pick_assignee()
            if not user:
                continue
            ticket.user_id = user
            if team.gov_assign_method == "round_robin":
                team.gov_last_assigned_user_id = user
