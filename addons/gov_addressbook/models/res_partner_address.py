from stdnum import exceptions as stdnum_exceptions
from stdnum.nl import postcode as stdnum_postcode

from odoo import api, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    """Dutch postcodes are stored as "1234 AB" and checked for addresses in NL."""

    _inherit = "res.partner"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("zip") and self._gov_is_dutch(vals.get("country_id")):
                vals["zip"] = self._gov_normalise_postcode(vals["zip"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("zip"):
            country_ids = (
                [vals["country_id"]] if "country_id" in vals else self.country_id.ids
            )
            if any(
                self._gov_is_dutch(country_id) for country_id in country_ids or [False]
            ):
                vals["zip"] = self._gov_normalise_postcode(vals["zip"])
        return super().write(vals)

    @api.model
    def _gov_is_dutch(self, country_id):
        # Without a country the organisation's own country (NL) is assumed only when
        # the company is Dutch; a foreign postcode needs its country set.
        if not country_id:
            return self.env.company.country_id.code == "NL"
        return self.env["res.country"].browse(country_id).code == "NL"

    @api.model
    def _gov_normalise_postcode(self, value):
        try:
            return stdnum_postcode.validate(value)
        except stdnum_exceptions.ValidationError as error:
            raise ValidationError(
                self.env._(
                    "Postcode %(postcode)s is not a valid Dutch postcode: use four "
                    'digits and two letters, e.g. "2511 CV".',
                    postcode=value,
                )
            ) from error
