from odoo import api, models
from odoo.exceptions import ValidationError

from .. import quick_search

# What a picker's "Create" may turn into a new relation's other fields.
NAME_FIELDS = ("name", "firstname", "lastname", "name_infix")


class ResPartner(models.Model):
    """Pickers of relations tell people apart, and creating from one fills the
    right fields.

    A picker's dropdown shows each relation with its address, e-mail, party
    type and a possible-duplicate mark (two "Fatima El Amrani" are told apart
    by their street). Text typed in a picker that is a postcode (with house
    number), a phone number or an e-mail address goes into that field of the
    new relation, not into its name.
    """

    _inherit = "res.partner"

    @api.depends(
        "complete_name",
        "email",
        "vat",
        "state_id",
        "country_id",
        "commercial_company_name",
        "street",
        "zip",
        "city",
        "gov_party_type",
        "gov_duplicate_review",
    )
    @api.depends_context(
        "show_address",
        "partner_show_db_id",
        "show_email",
        "show_vat",
        "lang",
        "formatted_display_name",
    )
    def _compute_display_name(self):
        super()._compute_display_name()
        if not self.env.context.get("formatted_display_name"):
            return
        twins = self._gov_name_twins()
        for partner in self:
            details = partner._gov_picker_details(partner.name in twins)
            if details:
                partner.display_name = (
                    f"{partner.display_name} \t --{' · '.join(details)}--"
                )

    def _gov_name_twins(self):
        """Names of these partners that more than one relation carries."""
        names = list({name for name in self.mapped("name") if name})
        if not names:
            return set()
        groups = self._read_group(
            [("name", "in", names)], groupby=["name"], aggregates=["__count"]
        )
        return {name for name, count in groups if count > 1}

    def _gov_picker_details(self, has_twin):
        """What tells this relation apart in a picker: address, e-mail,
        party type and a possible-duplicate mark."""
        self.ensure_one()
        address = ", ".join(
            part
            for part in (
                self.street,
                " ".join(part for part in (self.zip, self.city) if part),
            )
            if part
        )
        party_types = dict(
            self._fields["gov_party_type"]._description_selection(self.env)
        )
        details = [
            address,
            self.email,
            party_types.get(self.gov_party_type),
            self.env._("possible duplicate")
            if has_twin or self.gov_duplicate_review
            else "",
        ]
        # odoomark reads "--" and "**" as markup: keep them out of the data.
        return [
            detail.replace("--", "-").replace("**", "*") for detail in details if detail
        ]

    @api.model
    def name_create(self, name):
        """A postcode or a phone number is not a name: the web client then
        opens the relation's form, filled in by default_get."""
        typed = quick_search.parse(name)
        if "@" not in (name or "") and ("postcode" in typed or "phone" in typed):
            raise ValidationError(
                self.env._(
                    "“%(text)s” is not a name: fill in the new relation's name.",
                    text=name,
                )
            )
        return super().name_create(name)

    @api.model
    def default_get(self, fields_list):
        """A "Create" from a picker passes the typed text as default name: a
        postcode goes into the postcode, a phone number into the phone, an
        e-mail address into the e-mail; a name stays in the name fields."""
        result = super().default_get(fields_list)
        typed_name = self.env.context.get("default_name")
        if not typed_name:
            return result
        typed = quick_search.parse(typed_name)
        values = {}
        if "postcode" in typed:
            values["zip"] = typed["postcode"]
        elif "phone" in typed:
            values["phone"] = typed_name.strip()
        elif "@" in typed_name and " " not in typed_name.strip():
            values["email"] = typed_name.strip()
        if not values:
            return result
        for field in NAME_FIELDS:
            if field in result:
                result[field] = False
        result.update(
            {key: value for key, value in values.items() if key in fields_list}
        )
        return result
