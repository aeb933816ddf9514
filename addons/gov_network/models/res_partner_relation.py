from odoo import api, fields, models
from odoo.addons.gov_addressbook.models.gov_contact_moment import (
    CONFIDENTIALITY_LEVELS,
)
from odoo.fields import Domain


class ResPartnerRelation(models.Model):
    _inherit = "res.partner.relation"

    context = fields.Text(help="How and why this relation exists.")
    source = fields.Char(
        help="Where this relation is known from: a meeting, a register, a colleague."
    )
    confidentiality = fields.Selection(
        CONFIDENTIALITY_LEVELS,
        required=True,
        default="intern",
        index=True,
        help="Relations above 'Internal' are visible only to the colleague who "
        "registered them and to managers.",
    )
    strength = fields.Integer(
        help="How well the colleague knows this contact: 1 (met), 2 (regular "
        "contact), 3 (close). Kept up to date from the contact moments.",
    )
    last_contact_date = fields.Date(
        string="Last contact", help="Date of the latest registered contact moment."
    )

    _strength_range = models.Constraint(
        "CHECK (strength IS NULL OR strength BETWEEN 1 AND 3)",
        "The strength of a relation is 1, 2 or 3.",
    )
    _left_right_idx = models.Index("(left_partner_id, right_partner_id)")
    # partner_multi_relation forbids overlapping relations of one type between
    # the same two partners, but checks it with a search, which two saves at
    # the same moment both pass: the database holds the line for open ones.
    _open_relation_unique = models.UniqueIndex(
        "(left_partner_id, right_partner_id, type_id) WHERE date_end IS NULL"
    )
    _right_left_idx = models.Index("(right_partner_id, left_partner_id)")

    @api.model
    def _gov_valid_domain(self, day=None):
        """Relations valid on ``day`` (today by default); open dates are open."""
        day = day or fields.Date.context_today(self)
        return Domain.AND(
            [
                Domain("date_start", "=", False) | Domain("date_start", "<=", day),
                Domain("date_end", "=", False) | Domain("date_end", ">=", day),
            ]
        )

    def _gov_hop_label(self, from_partner_id):
        """The type name read from ``from_partner_id``'s side of the relation."""
        self.ensure_one()
        if (
            self.right_partner_id.id == from_partner_id
            and not self.type_id.is_symmetric
        ):
            return self.type_id.name_inverse
        return self.type_id.name

    def _gov_other_side(self, partner_id):
        """The partner id on the other side of the relation from ``partner_id``."""
        self.ensure_one()
        if self.left_partner_id.id == partner_id:
            return self.right_partner_id.id
        return self.left_partner_id.id
