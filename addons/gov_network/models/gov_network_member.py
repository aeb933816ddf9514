from odoo import fields, models


class GovNetworkMember(models.Model):
    """One key relation of a team or project, owned by a colleague."""

    _name = "gov.network.member"
    _description = "Key relation of a team or project network"
    _order = "network_id, sequence, id"

    network_id = fields.Many2one(
        "gov.network", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        "res.partner",
        string="Relation",
        required=True,
        ondelete="cascade",
        index=True,
    )
    owner_id = fields.Many2one(
        "res.users",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
        help="The colleague who owns the contact with this relation.",
    )
    note = fields.Text()

    _partner_once = models.Constraint(
        "UNIQUE (network_id, partner_id)",
        "A relation is a key relation of a network only once.",
    )
