from markupsafe import Markup

from odoo import api, fields, models

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

    # The mail gateway and the duplicate checks look relations up by address.
    email_normalized = fields.Char(index="btree_not_null")
    gov_duplicate_review = fields.Boolean(
        string="Duplicate to review",
        index="btree_not_null",
        copy=False,
        help="Imported while a relation with the same identifying facts existed. "
        "Merge it, or mark it as checked.",
    )
    gov_import_key = fields.Char(
        string="Import key",
        copy=False,
        readonly=True,
        groups="gov_addressbook.group_manager",
        help="Which row of which import created this relation: the old system's "
        "ID, or a fingerprint of the row. Importing the same row again finds it "
        "here instead of creating a second relation.",
    )

    _gov_import_key_unique = models.UniqueIndex(
        "(gov_import_key) WHERE gov_import_key IS NOT NULL"
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
        """[(row, new partner, look-alike, reasons)] for the created partners.

        The facts of the form's duplicate warning, looked up for the whole
        batch at once: one indexed query per kind of fact, not one per row.
        """
        relations_by_key = self._gov_look_alikes_by_key()
        matches = []
        for row, partner in enumerate(self):
            others = [
                other_id
                for key in partner._gov_look_alike_keys()
                for other_id in relations_by_key.get(key, ())
                if other_id != partner.id
            ]
            if others:
                other = self.browse(min(others))
                matches.append((row, partner, other, partner._gov_same_facts(other)))
        return matches

    def _gov_look_alike_keys(self):
        """The identifying facts of one relation, as comparable keys."""
        self.ensure_one()
        keys = [
            (field_name, self[field_name])
            for field_name in ("kvk_number", "email_normalized")
            if self[field_name]
        ]
        if len(self.gov_phone_digits or "") >= 8:
            keys.append(("gov_phone_digits", self.gov_phone_digits))
        if self.name and self.zip and self.street:
            keys.append(
                (
                    "address",
                    self.name.strip().lower(),
                    self.zip.strip().upper(),
                    self.street.strip().lower(),
                )
            )
        return keys

    def _gov_look_alikes_by_key(self):
        """{key: [ids]} of every relation sharing a fact with one in ``self``."""
        wanted = {key for partner in self for key in partner._gov_look_alike_keys()}
        searches = {
            field_name: [key[1] for key in wanted if key[0] == field_name]
            for field_name in ("kvk_number", "email_normalized", "gov_phone_digits")
        }
        searches["zip"] = list({key[2] for key in wanted if key[0] == "address"})
        found = self.browse()
        for field_name, values in searches.items():
            if values:
                found |= self.search([(field_name, "in", values)])
        relations_by_key = {}
        for other in found:
            for key in set(other._gov_look_alike_keys()) & wanted:
                relations_by_key.setdefault(key, []).append(other.id)
        return relations_by_key

    def _gov_same_facts(self, other):
        """The facts ``other`` shares with this relation, for the messages."""
        self.ensure_one()
        common = set(self._gov_look_alike_keys()) & set(other._gov_look_alike_keys())
        shared = {key[0] for key in common}
        labels = {
            "kvk_number": self.env._("KvK number"),
            "email_normalized": self.env._("e-mail"),
            "gov_phone_digits": self.env._("phone"),
        }
        same = [label for kind, label in labels.items() if kind in shared]
        return ", ".join(same or [self.env._("name and address")])

    def _gov_import_warning(self, matches):
        lines = [
            self.env._(
                "Row %(row)s, %(name)s: looks like %(other)s (ID %(id)s), "
                "same %(facts)s.",
                row=row + self.env.context.get("gov_import_first_row", 1),
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
