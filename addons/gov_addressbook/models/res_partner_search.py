from odoo import api, fields, models
from odoo.fields import Domain

from .. import quick_search

# The one search box collects candidate ids through trigram and btree indexes first,
# then lets the ORM order and limit that small set. A plain "ILIKE ... ORDER BY
# complete_name LIMIT 8" makes PostgreSQL walk the whole name index on a miss.
CANDIDATE_LIMIT = 500


class ResPartner(models.Model):
    _inherit = "res.partner"

    gov_phone_digits = fields.Char(
        string="Phone digits",
        compute="_compute_gov_phone_digits",
        store=True,
        index="trigram",
        help="The phone number in national digits, for search in any notation.",
    )

    _gov_complete_name_trgm = models.Index("USING gin (complete_name gin_trgm_ops)")
    _gov_email_trgm = models.Index("USING gin (email gin_trgm_ops)")
    _gov_zip_index = models.Index("(zip) WHERE zip IS NOT NULL")
    # Equality on the digits (duplicate checks, exact numbers): the trigram index
    # above serves fragments but is slow for "= ANY(many numbers)".
    _gov_phone_digits_btree = models.Index(
        "(gov_phone_digits) WHERE gov_phone_digits IS NOT NULL"
    )

    def init(self):
        res = super().init()
        # Trigram indexes need pg_trgm; a trusted extension the database owner may add.
        self.env.cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        return res

    @api.depends("phone")
    def _compute_gov_phone_digits(self):
        for partner in self:
            partner.gov_phone_digits = quick_search.phone_digits(partner.phone) or False

    @api.model
    def _search_display_name(self, operator, value):
        if operator != "ilike" or not isinstance(value, str) or len(value.strip()) < 2:
            return super()._search_display_name(operator, value)
        return [("id", "in", self._gov_quick_search_ids(value))]

    @api.model
    def name_search(self, name="", domain=None, operator="ilike", limit=100):
        if operator != "ilike" or not name or len(name.strip()) < 2:
            return super().name_search(name, domain, operator, limit)
        candidates = self.search_fetch(
            Domain("id", "in", self._gov_quick_search_ids(name))
            & Domain(domain or Domain.TRUE),
            ["complete_name", "lastname", "gov_sort_name"],
        )
        term = name.strip().lower()
        ranked = sorted(candidates, key=lambda partner: _rank(partner, term))[:limit]
        return [(partner.id, partner.display_name) for partner in ranked]

    @api.model
    def _gov_quick_search_ids(self, term):
        parsed = quick_search.parse(term)
        if "postcode" in parsed:
            return self._gov_search_postcode(parsed)
        domains = [
            Domain("complete_name", "ilike", parsed["text"]),
            Domain("email", "ilike", parsed["text"]),
        ]
        if parsed.get("phone"):
            domains.append(Domain("gov_phone_digits", "ilike", parsed["phone"]))
        digits = parsed.get("digits", "")
        if len(digits) == 8:
            domains.append(Domain("kvk_number", "=", digits))
        if len(digits) == 12:
            domains.append(Domain("establishment_number", "=", digits))
        ids = list(self._search(Domain.OR(domains), limit=CANDIDATE_LIMIT))
        if len(digits) == 9 and self.env.user.has_group(
            "gov_addressbook.group_bsn_access"
        ):
            # A search of its own, so the processing log names only the BSN's owner.
            ids += self._search([("bsn", "=", digits)], limit=1)
        return ids

    @api.model
    def _gov_search_postcode(self, parsed):
        partners = self.search_fetch(
            [("zip", "=", parsed["postcode"])], ["street"], limit=CANDIDATE_LIMIT
        )
        number = parsed.get("house_number")
        if number:
            partners = partners.filtered(
                lambda p: quick_search.street_has_number(p.street, number)
            )
        return partners.ids


def _rank(partner, term):
    """Exact last name first, then last name or name starting with the term."""
    last_name = (partner.lastname or "").lower()
    name = (partner.complete_name or "").lower()
    if last_name == term or name == term:
        rank = 0
    elif (partner.gov_sort_name or "").startswith(term) or name.startswith(term):
        rank = 1
    else:
        rank = 2
    return rank, name, partner.id
