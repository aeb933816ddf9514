from odoo import api, fields, models


class GovNetwork(models.Model):
    """A team or project and the key relations it keeps up to date."""

    _name = "gov.network"
    _description = "Team or project network"
    _order = "name"

    name = fields.Char(required=True, index="trigram")
    kind = fields.Selection(
        [("team", "Team"), ("project", "Project")],
        required=True,
        default="project",
    )
    description = fields.Text(help="The goal the team or project works towards.")
    active = fields.Boolean(default=True)
    user_ids = fields.Many2many(
        "res.users",
        "gov_network_res_users_rel",
        "network_id",
        "user_id",
        string="Members",
        domain=[("share", "=", False)],
        help="Colleagues who work in this team or project.",
    )
    member_ids = fields.One2many(
        "gov.network.member", "network_id", string="Key relations"
    )
    member_count = fields.Integer(
        string="Number of key relations", compute="_compute_member_count"
    )

    @api.depends("member_ids")
    def _compute_member_count(self):
        counts = dict(
            self.env["gov.network.member"]._read_group(
                [("network_id", "in", self.ids)], ["network_id"], ["__count"]
            )
        )
        for network in self:
            network.member_count = counts.get(network, 0)

    def action_open_network_picture(self):
        self.ensure_one()
        return self._gov_picture_action(
            self.member_ids.partner_id.ids,
            self.env._("Network picture: %(name)s", name=self.name),
            1,
        )

    @api.model
    def _gov_picture_action(self, partner_ids, title, depth):
        """The client action that draws the network around ``partner_ids``."""
        return {
            "type": "ir.actions.client",
            "tag": "gov_network.network_picture",
            "name": title,
            "params": {"partner_ids": list(partner_ids), "depth": depth},
        }
