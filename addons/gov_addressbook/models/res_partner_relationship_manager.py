from odoo import models
from odoo.exceptions import AccessError

MANAGER_GROUP = "gov_addressbook.group_manager"


class ResPartner(models.Model):
    """Who may name a relation's relationship manager.

    Record rules open confidential contact moments, cases and more to the
    relationship manager, so the field is a key: were every user free to
    write it, anyone could make themselves manager of any relation and read
    all of its confidential history. Only address-book managers assign it;
    the current relationship manager may hand the relation over to a
    colleague (or give it up). A new relation has no history yet, so its
    creator may name anyone. Every change is tracked in the chatter.
    """

    _inherit = "res.partner"

    def write(self, vals):
        if "relationship_manager_id" in vals:
            self._gov_check_manager_change(vals["relationship_manager_id"])
        return super().write(vals)

    def _gov_check_manager_change(self, new_manager_id):
        if self.env.su or self.env.user.has_group(MANAGER_GROUP):
            return
        new_manager_id = new_manager_id or False
        # sudo: only the manager field is read, to compare it with the value
        # being written; the user's own write access is checked by write().
        refused = self.sudo().filtered(
            lambda partner: partner.relationship_manager_id.id != new_manager_id
            and partner.relationship_manager_id != self.env.user
        )
        if refused:
            raise AccessError(
                self.env._(
                    "Only an address-book manager or the current relationship "
                    "manager can change the relationship manager of %(names)s.",
                    names=", ".join(refused[:3].mapped("display_name")),
                )
            )
