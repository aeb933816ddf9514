from odoo import api, models
from odoo.fields import Domain


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _gov_retention_blocked_domain(self):
        """Nothing about a relation with an open case is destroyed."""
        return super()._gov_retention_blocked_domain() | Domain(
            "zaak_ids", "any", [("einddatum", "=", False)]
        )
