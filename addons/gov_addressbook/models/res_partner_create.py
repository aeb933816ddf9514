from collections import Counter

from odoo import api, models
from odoo.addons.partner_firstname.models.res_partner import (
    ResPartner as FirstnameResPartner,
)
from odoo.exceptions import ValidationError

from ..identifiers import InvalidIdentifier, normalise

IDENTIFIER_FIELDS = (
    "bsn",
    "rsin",
    "kvk_number",
    "establishment_number",
    "oin",
    "cbs_code",
)
UNIQUE_IDENTIFIER_FIELDS = ("bsn", "kvk_number")


class ResPartner(models.Model):
    """Creation of relations: identifiers checked per batch, names split per batch.

    This class must stay the first res.partner extension of this addon (see
    models/__init__.py) so that it sits directly above partner_firstname.
    """

    _inherit = "res.partner"

    # Identifiers are normalised and checked for duplicates before the write, so
    # "1234 5678" is stored as "12345678" and a duplicate gets a clear message
    # naming the existing relation instead of a database error.
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._gov_normalise_identifiers(vals)
        self._gov_check_identifiers_free(vals_list)
        if not self._gov_can_split_names_in_batch():
            for vals in vals_list:
                # partner_firstname decides "company" on company_type only; without
                # it "Bakkerij De Korenbloem" would be split like a person's name.
                if vals.get("is_company") and "company_type" not in vals:
                    vals["company_type"] = "company"
            return super().create(vals_list)
        for vals in vals_list:
            self._gov_split_name(vals)
        # partner_firstname creates one record at a time (up to 4 times slower on
        # an import) only to vary the context per record. The names are split
        # above exactly as it would, so its create has nothing left to do and
        # the whole batch goes to the next create in line.
        return super(FirstnameResPartner, self).create(vals_list)

    def write(self, vals):
        self._gov_normalise_identifiers(vals)
        self._gov_check_identifiers_free([vals])
        return super().write(vals)

    def _gov_can_split_names_in_batch(self):
        """Whether skipping partner_firstname's create skips nothing else.

        A name from the context (``default_name``) is split per record by
        partner_firstname; and another addon's create between this class and
        partner_firstname's must never be skipped.
        """
        if "default_name" in self.env.context:
            return False
        mro = type(self).__mro__
        between = mro[mro.index(ResPartner) + 1 : mro.index(FirstnameResPartner)]
        return not any("create" in vars(cls) for cls in between)

    def _gov_split_name(self, vals):
        """Name fields for ``vals`` as partner_firstname's create sets them."""
        is_company = vals.get("company_type") == "company" or (
            "company_type" not in vals and bool(vals.get("is_company"))
        )
        if "name" not in vals:
            return
        if not is_company and self.name_fields_in_vals(vals):
            del vals["name"]  # the name is computed from the parts given
        elif vals["name"] is not None:
            cleaned = self._get_whitespace_cleaned_name(vals.pop("name"))
            vals.update(self._get_inverse_name(cleaned, is_company))

    def _gov_normalise_identifiers(self, vals):
        for field_name in IDENTIFIER_FIELDS:
            if not vals.get(field_name):
                continue
            try:
                vals[field_name] = normalise(field_name, vals[field_name])
            except InvalidIdentifier as error:
                raise ValidationError(self._identifier_message(error)) from error

    def _gov_check_identifiers_free(self, vals_list):
        """One search per unique identifier for the whole batch."""
        for field_name in UNIQUE_IDENTIFIER_FIELDS:
            values = [vals[field_name] for vals in vals_list if vals.get(field_name)]
            if not values:
                continue
            label = self._fields[field_name].get_description(self.env)["string"]
            twice = [value for value, count in Counter(values).items() if count > 1]
            if twice:
                raise ValidationError(
                    self.env._(
                        "%(label)s %(value)s occurs more than once in this batch.",
                        label=label,
                        value=min(twice),
                    )
                )
            # sudo: the BSN is hidden from most users, yet a duplicate must be
            # refused for everyone; at most the existing relation's name is
            # revealed, and for a BSN not even that.
            # No limit: with "LIMIT 1" PostgreSQL walks the whole sort index
            # instead of looking the few values up in the identifier's index.
            duplicates = (
                self.sudo()
                .with_context(active_test=False)
                .search([(field_name, "in", values), ("id", "not in", self.ids)])
            )
            if duplicates and field_name == "bsn":
                # The holder's name is not given: that would be a look-up by
                # BSN outside the processing log (the error rolls back any log
                # line). Someone with BSN access can search it, and is logged.
                raise ValidationError(
                    self.env._(
                        "%(label)s %(value)s is already registered for another "
                        "relation.",
                        label=label,
                        value=duplicates[0].bsn,
                    )
                )
            if duplicates:
                duplicate = duplicates[0]
                raise ValidationError(
                    self.env._(
                        "%(label)s %(value)s is already registered for %(partner)s.",
                        label=label,
                        value=duplicate[field_name],
                        partner=duplicate.display_name,
                    )
                )
