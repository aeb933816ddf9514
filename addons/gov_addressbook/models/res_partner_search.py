from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from .. import dutch_names, quick_search

# The one search box is a domain served by trigram and btree indexes. Pickers
# (name_search) rank at most CANDIDATE_LIMIT candidates; the list pages through all.
CANDIDATE_LIMIT = 500
# The sort name leaves the infix out: "berg jan" for "Jan van der Berg".
INFIX_WORDS = {word for infix in dutch_names.INFIXES for word in infix.split()}
# Orders of a list nobody sorted: the model's and the address book's default order.
UNSORTED_ORDERS = {"complete_name,id desc", "gov_sort_name,id", "name,id"}


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
        # The search box of the address book ends here: a plain domain, so the list
        # counts and pages through every match (no candidate limit).
        if operator != "ilike" or not isinstance(value, str) or len(value.strip()) < 2:
            return super()._search_display_name(operator, value)
        return self._gov_quick_search_domain(value)

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        term = _one_box_term(domain) if _is_unsorted(order) else None
        if not term:
            return super()._search(domain, offset, limit, order, **kwargs)
        if limit and _is_a_name(term):
            # The best matches (sort name starting with the term) lie together in
            # the sort-name index: a page of them alone is a range scan, no sort of
            # every match.
            best = super()._search(
                Domain(domain) & self._gov_best_match_domain(term),
                offset,
                limit,
                order,
                **kwargs,
            )
            ids = self._gov_without_bitmap_scans(best)
            if len(ids) == limit:
                return self.browse(ids)._as_query(ordered=True)
        query = super()._search(domain, offset, limit, order, **kwargs)
        if query.order:
            # Best matches first: sort name starting with the term, then the name.
            query.order = SQL("%s, %s", self._gov_rank_sql(term, query), query.order)
        return query

    @api.model
    def _gov_without_bitmap_scans(self, query):
        """Run ``query`` as an ordered index scan: its ids.

        PostgreSQL takes the name and the sort-name conditions as independent and
        expects a few hundred rows, so it would collect every match through the
        trigram index and sort them all (hundreds of milliseconds for a common last
        name) instead of reading the first page from the sort-name index (< 1 ms).
        The setting is local to the transaction and put back right after.
        """
        cr = self.env.cr
        cr.execute(SQL("SELECT set_config('enable_bitmapscan', 'off', true)"))
        try:
            return list(query)
        finally:
            cr.execute(SQL("SELECT set_config('enable_bitmapscan', 'on', true)"))

    @api.model
    def _gov_best_match_domain(self, term):
        prefix, after = _rank_prefix(term)
        # The range lets PostgreSQL use the sort-name index in any collation.
        return (
            Domain("gov_sort_name", ">=", prefix)
            & Domain("gov_sort_name", "<", after)
            & Domain("gov_sort_name", "=like", _like_escape(prefix) + "%")
        )

    @api.model
    def _gov_rank_sql(self, term, query):
        """0: a best match (_gov_best_match_domain); 1: name starts with the term."""
        prefix, after = _rank_prefix(term)
        pattern = _like_escape(prefix) + "%"
        sort_name = SQL.identifier(query.table, "gov_sort_name")
        return SQL(
            "CASE WHEN %s >= %s AND %s < %s AND %s LIKE %s THEN 0"
            " WHEN lower(%s) LIKE %s THEN 1 ELSE 2 END",
            *(sort_name, prefix, sort_name, after, sort_name, pattern),
            *(SQL.identifier(query.table, "complete_name"), pattern),
        )

    @api.model
    def name_search(self, name="", domain=None, operator="ilike", limit=100):
        if operator != "ilike" or not name or len(name.strip()) < 2:
            return super().name_search(name, domain, operator, limit)
        found = self._gov_quick_search_domain(name) & Domain(domain or Domain.TRUE)
        # Enough best matches (sort name starting with the term): those, read in
        # order from the sort-name index.
        candidates = self.browse()
        if limit and _is_a_name(name):
            candidates = self.browse(
                self._gov_without_bitmap_scans(
                    self._search(
                        found & self._gov_best_match_domain(name),
                        limit=limit,
                        order="gov_sort_name, id",
                    )
                )
            )
        if not limit or len(candidates) < limit:
            # No ORDER BY: sorted by name, PostgreSQL would walk the whole name
            # index for a common term; the candidates are ranked here.
            candidates = self.browse(self._search(found, limit=CANDIDATE_LIMIT))
        candidates.fetch(["complete_name", "lastname", "gov_sort_name"])
        term = name.strip().lower()
        ranked = sorted(candidates, key=lambda partner: _rank(partner, term))[:limit]
        return [(partner.id, partner.display_name) for partner in ranked]

    @api.model
    def _gov_quick_search_ids(self, term):
        """Ids of the first CANDIDATE_LIMIT relations the one search box finds."""
        return list(
            self._search(self._gov_quick_search_domain(term), limit=CANDIDATE_LIMIT)
        )

    @api.model
    def _gov_quick_search_domain(self, term):
        """What the one search box finds for ``term``: a domain served by indexes."""
        parsed = quick_search.parse(term)
        if "postcode" in parsed:
            return self._gov_postcode_domain(parsed)
        domains = [
            self._gov_name_words_domain(parsed["text"]),
            Domain("email", "ilike", parsed["text"]),
        ]
        if parsed.get("phone"):
            domains.append(Domain("gov_phone_digits", "ilike", parsed["phone"]))
        digits = parsed.get("digits", "")
        if len(digits) == 8:
            domains.append(Domain("kvk_number", "=", digits))
        if len(digits) == 12:
            domains.append(Domain("establishment_number", "=", digits))
        if len(digits) == 9 and self.env.user.has_group(
            "gov_addressbook.group_bsn_access"
        ):
            # A search of its own, so the processing log names only the BSN's owner.
            domains.append(
                Domain("id", "in", self._search([("bsn", "=", digits)], limit=1))
            )
        return Domain.OR(domains)

    @api.model
    def _gov_name_words_domain(self, text):
        """Every typed word in the name, in any order; an initial on the first name."""
        words, initials = quick_search.name_words(text)
        if not words:
            return Domain("complete_name", "ilike", text)
        domain = Domain.AND(Domain("complete_name", "ilike", word) for word in words)
        for initial in initials:
            domain &= Domain("firstname", "=ilike", f"{initial}%") | Domain(
                "name_initials", "=ilike", f"{initial}%"
            )
        return domain

    @api.model
    def _gov_postcode_domain(self, parsed):
        domain = Domain("zip", "=", parsed["postcode"])
        number = parsed.get("house_number")
        if number:
            # "Dorpsstraat 12a", "12a Dorpsstraat", "Dorpsstraat 12a-2", "... 12a/3"
            domain &= Domain.OR(
                Domain("street", "=ilike", pattern)
                for pattern in (
                    f"% {number}",
                    f"% {number} %",
                    f"% {number}-%",
                    f"% {number}/%",
                    f"{number} %",
                )
            )
        return domain


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


def _one_box_term(domain):
    """The term typed in the one search box when ``domain`` holds it, else None."""
    for condition in Domain(domain or Domain.TRUE).iter_conditions():
        value = condition.value
        if (
            condition.field_expr == "display_name"
            and condition.operator == "ilike"
            and isinstance(value, str)
            and len(value.strip()) >= 2
        ):
            return value.strip()
    return None


def _is_a_name(term):
    """One word of letters: the sort-name range holds its best matches densely.

    With a number ("Visser 123456"), a second word or an initial, the trigram index
    alone is selective, while the range of a common last name would be read to its
    end when no one in it has that first name.
    """
    words, initials = quick_search.name_words(term)
    return (
        len(words) == 1
        and not initials
        and not any(char.isdigit() or char == "@" for char in term)
    )


def _rank_prefix(term):
    """The first typed word and the first string after all it starts."""
    words = [word.lower() for word in quick_search.name_words(term)[0]] or [term]
    prefix = next((word for word in words if word not in INFIX_WORDS), words[0])
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _is_unsorted(order):
    normalised = ",".join(
        part.strip().lower().removesuffix(" asc").strip()
        for part in (order or "").split(",")
    )
    return normalised in UNSORTED_ORDERS


def _like_escape(text):
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
