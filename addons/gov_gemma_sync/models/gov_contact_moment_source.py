from odoo import api, models


class GovContactMoment(models.Model):
    _inherit = "gov.contact.moment"

    @api.model
    def _gov_source_models(self):
        # Cases (a status change) produce contact moments.
        return super()._gov_source_models() | {"gov.zaak"}
