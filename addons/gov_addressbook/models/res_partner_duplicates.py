from odoo import api, fields, models
from odoo.fields import Domain

from .. import quick_search


class ResPartner(models.Model):
    """Warn about likely duplicates while a relation is being entered."""

    _inherit = "res.partner"

    gov_duplicate_ids = fields.Many2many(
        "res.partner",
        string="Possible duplicates",
        compute="_compute_gov_duplicate_ids",
        help="Relations with the same KvK number, e-mail, phone, or name and address.",
    )

    @api.depends("kvk_number", "email", "phone", "name", "zip", "street")
    def _compute_gov_duplicate_ids(self):
        for partner in self:
            domain = partner._gov_duplicate_domain()
            if domain is None:
                partner.gov_duplicate_ids = False
                continue
            if partner._origin.id:
                domain &= Domain("id", "!=", partner._origin.id)
            partner.gov_duplicate_ids = self.search(domain, limit=5)

    def _gov_duplicate_domain(self):
        """OR of the identifying facts that are filled in, or None when none are.

        The BSN is compared in the uniqueness check itself (it is hidden from most
        users, so it cannot be shown here).
        """
        self.ensure_one()
        conditions = []
        if self.kvk_number:
            conditions.append(Domain("kvk_number", "=", self.kvk_number))
        if self.email and "@" in self.email:
            conditions.append(Domain("email", "=ilike", self.email.strip()))
        phone = quick_search.phone_digits(self.phone)
        if len(phone) >= 8:
            conditions.append(Domain("gov_phone_digits", "=", phone))
        if self.name and self.zip and self.street:
            conditions.append(
                Domain("name", "=ilike", self.name.strip())
                & Domain("zip", "=", self.zip.strip().upper())
                & Domain("street", "=ilike", self.street.strip())
            )
        return Domain.OR(conditions) if conditions else None
