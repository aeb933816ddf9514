from odoo import api, models


class HelpdeskTicket(models.Model):
    """Route new requests without a chosen assignee to a team member."""

    _inherit = "helpdesk.ticket"

    @api.model_create_multi
    def create(self, vals_list):
        # Decided before creation: helpdesk_mgmt may default the assignee to
        # the creator ("auto assign"), which routing replaces on routed teams.
        chosen = [bool(vals.get("user_id")) for vals in vals_list]
        tickets = super().create(vals_list)
        to_route = [
            t for t, has_user in zip(tickets, chosen, strict=True) if not has_user
        ]
        self.browse([t.id for t in to_route])._gov_route_to_member()
        return tickets

    def _gov_route_to_member(self):
        # sudo: routing reads the team's members and open workload and keeps
        # the round-robin turn on the team, which the creator (front desk,
        # mail gateway, public web form) may not read or write; it only sets
        # the assignee of the requests just created.
        for ticket in self.sudo().filtered(
            lambda t: not t.closed
            and t.team_id.gov_assign_method not in (False, "manual")
        ):
            team = ticket.team_id
            user = team._gov_pick_assignee()
            if not user:
                if ticket.user_id not in team.user_ids:
                    ticket.user_id = False
                continue
            ticket.user_id = user
            if team.gov_assign_method == "round_robin":
                team.gov_last_assigned_user_id = user
