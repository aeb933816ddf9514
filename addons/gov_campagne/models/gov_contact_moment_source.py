from odoo import api, models


class GovContactMoment(models.Model):
    _inherit = "gov.contact.moment"

    @api.model
    def _gov_source_models(self):
        # Mailings, events, topic updates and press releases produce contact moments.
        return super()._gov_source_models() | {
            "mailing.mailing",
            "event.event",
            "gov.topic.update",
            "gov.press.release",
        }
