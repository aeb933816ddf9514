from odoo import api, models


class GovContactMoment(models.Model):
    _inherit = "gov.contact.moment"

    @api.model
    def _gov_source_models(self):
        # Requests produce contact moments.
        return super()._gov_source_models() | {"helpdesk.ticket"}
