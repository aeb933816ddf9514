from odoo import api, fields, models

from .. import dutch_names


class ResPartner(models.Model):
    """Dutch names on top of partner_firstname: infix, initials, formal name."""

    _inherit = "res.partner"

    name_infix = fields.Char(
        string="Infix",
        help='Tussenvoegsel, e.g. "van der" in "Jan van der Berg".',
    )
    name_initials = fields.Char(
        string="Initials",
        compute="_compute_name_initials",
        store=True,
        readonly=False,
        help="Derived from the first names; change them when they differ.",
    )
    gov_formal_name = fields.Char(
        string="Formal name",
        compute="_compute_gov_formal_name",
        store=True,
        help='Name as used in letters: "J. van der Berg".',
    )
    gov_sort_name = fields.Char(
        string="Sort name",
        compute="_compute_gov_sort_name",
        store=True,
        index=True,
        help="Last name without infix, then first names: how the address book sorts.",
    )

    @api.depends("firstname")
    def _compute_name_initials(self):
        for partner in self:
            partner.name_initials = dutch_names.initials(partner.firstname)

    @api.depends("is_company", "name", "name_initials", "name_infix", "lastname")
    def _compute_gov_formal_name(self):
        for partner in self:
            if partner.is_company or not partner.lastname:
                partner.gov_formal_name = partner.name
            else:
                partner.gov_formal_name = dutch_names.formal_name(
                    partner.name_initials, partner.name_infix, partner.lastname
                )

    @api.depends("is_company", "name", "firstname", "lastname")
    def _compute_gov_sort_name(self):
        for partner in self:
            if partner.is_company or not partner.lastname:
                partner.gov_sort_name = (partner.name or "").lower()
            else:
                partner.gov_sort_name = dutch_names.sort_key(
                    partner.firstname, partner.lastname
                )

    # partner_firstname hooks: the full name includes the infix, and splitting a
    # typed name recognises Dutch infixes.
    @api.depends("name_infix")
    # super() per company record, inside the loop: nothing to return.
    def _compute_name(self):  # pylint: disable=missing-return
        for partner in self:
            if partner.is_company:
                super(ResPartner, partner)._compute_name()
                continue
            partner.name = (
                " ".join(
                    part
                    for part in (
                        partner.firstname,
                        partner.name_infix,
                        partner.lastname,
                    )
                    if part
                )
                or partner.name
            )

    @api.model
    def _get_inverse_name(self, name, is_company=False):
        if is_company or not name:
            return {**super()._get_inverse_name(name, is_company), "name_infix": False}
        first, infix, last = dutch_names.split_name(name)
        return {
            "firstname": first or False,
            "lastname": last,
            "name_infix": infix or False,
        }
