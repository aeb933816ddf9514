from odoo import fields, models

from .. import routing


class HelpdeskTicketTeam(models.Model):
    """Automatic routing of new requests among the team's members."""

    _inherit = "helpdesk.ticket.team"

    gov_assign_method = fields.Selection(
        [
            ("manual", "Manually"),
            ("round_robin", "Round robin"),
            ("workload", "Least open requests"),
        ],
        string="Assign new requests",
        default="manual",
        required=True,
        help="Round robin: members in turn. Least open requests: the member "
        "with the fewest open requests. Absent members are skipped.",
    )
    gov_last_assigned_user_id = fields.Many2one(
        "res.users",
        string="Last assigned",
        readonly=True,
        help="Member who received the last request by round robin.",
    )

    def _gov_available_members(self):
        self.ensure_one()
        return self.user_ids.filtered(lambda u: u.active and not u.gov_absent)

    def _gov_pick_assignee(self):
        """The member who gets the next new request, or an empty recordset."""
        self.ensure_one()
        members = self._gov_available_members()
        if self.gov_assign_method == "round_robin":
            chosen = routing.pick_round_robin(
                members.ids, self.gov_last_assigned_user_id.id or None
            )
        elif self.gov_assign_method == "workload":
            groups = self.env["helpdesk.ticket"]._read_group(
                [("user_id", "in", members.ids), ("stage_id.closed", "=", False)],
                ["user_id"],
                ["__count"],
            )
            counts = {user.id: count for user, count in groups}
            chosen = routing.pick_least_loaded(members.ids, counts)
        else:
            chosen = None
        return self.env["res.users"].browse(chosen or [])

    gov_acknowledge = fields.Boolean(
        string="Acknowledge mail requests",
        help="Send whoever mails the team's alias an acknowledgement with the "
        "request number and the date by which they get an answer, in their "
        "language. Automatic mails are never answered.",
    )
    gov_mail_category_id = fields.Many2one(
        "helpdesk.ticket.category",
        string="Subject of mail requests",
        help="Subject, and so service norm, of new requests that arrive on the "
        "team's alias; the front desk can change it.",
    )
