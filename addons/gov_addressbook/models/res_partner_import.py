from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

from .. import quick_search

# More lines would not fit the import dialog; the rest is counted.
SHOWN_IN_TEST = 20


class ResPartner(models.Model):
    """Duplicate check for relations created by an import.

    It runs for the import dialog and for ``load`` called with the
    ``import_file`` context.

    Testing an import lists the rows that look like a relation already in the
    address book; the import itself goes through and flags those rows for
    review, with a note linking to the look-alike.
    """

    _inherit = "res.partner"

    gov_duplicate_review = fields.Boolean(
        string="Duplicate to review",
        index="btree_not_null",
        copy=False,
        help="Imported while a relation with the same identifying facts existed. "
        "Merge it, or mark it as checked.",
    )

    @api.model
    def load(self, fields, data):
        result = super().load(fields, data)
        if result.get("ids") and self.env.context.get("import_file"):
            created = self.browse(result["ids"]).filtered(
                lambda partner: partner.create_date == self.env.cr.now()
            )
            matches = created._gov_import_matches()
            if self.env.context.get("gov_import_dryrun"):
                if matches:
                    result["messages"].append(self._gov_import_warning(matches))
            else:
                self._gov_flag_import_duplicates(matches)
        return result

    def _gov_import_matches(self):
        """[(row, new partner, look-alike, reasons)] for the created partners."""
        matches = []
        for row, partner in enumerate(self):
            domain = partner._gov_duplicate_domain()
            if domain is None:
                continue
            others = self.search(domain & Domain("id", "!=", partner.id), limit=1)
            if others:
                matches.append((row, partner, others, partner._gov_same_facts(others)))
        return matches

    def _gov_same_facts(self, other):
        self.ensure_one()
        same = []
        if self.kvk_number and self.kvk_number == other.kvk_number:
            same.append(self.env._("KvK number"))
        if self.email and (self.email.strip().lower() == (other.email or "").lower()):
            same.append(self.env._("e-mail"))
        phone = quick_search.phone_digits(self.phone)
        if len(phone) >= 8 and phone == other.gov_phone_digits:
            same.append(self.env._("phone"))
        if not same:
            same.append(self.env._("name and address"))
        return ", ".join(same)

    def _gov_import_warning(self, matches):
        lines = [
            self.env._(
                "Row %(row)s, %(name)s: looks like %(other)s (ID %(id)s), "
                "same %(facts)s.",
                row=row + 1,
                name=partner.display_name,
                other=other.display_name,
                id=other.id,
                facts=facts,
            )
            for row, partner, other, facts in matches[:SHOWN_IN_TEST]
        ]
        if len(matches) > SHOWN_IN_TEST:
            lines.append(
                self.env._("… and %(count)s more.", count=len(matches) - SHOWN_IN_TEST)
            )
        header = self.env._(
            "%(count)s rows look like relations already in the address book. "
            "Importing flags them as duplicates to review:",
            count=len(matches),
        )
        return {"type": "warning", "message": "\n".join([header, *lines])}

    def _gov_flag_import_duplicates(self, matches):
        if not matches:
            return
        flagged = self.browse([partner.id for _row, partner, _other, _f in matches])
        flagged.gov_duplicate_review = True
        for _row, partner, other, facts in matches:
            partner.message_post(
                body=Markup("%s <a href='/odoo/res.partner/%s'>%s</a> (%s).")
                % (
                    self.env._("Imported as a possible duplicate of"),
                    other.id,
                    other.display_name,
                    self.env._("same %(facts)s", facts=facts),
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )

    def action_gov_duplicate_checked(self):
        """The relation was checked and is not a duplicate."""
        self.gov_duplicate_review = False
