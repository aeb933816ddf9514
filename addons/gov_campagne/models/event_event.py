from odoo import fields, models


class EventEvent(models.Model):
    _inherit = "event.event"

    gov_campaign_id = fields.Many2one(
        "gov.campaign",
        string="Gov campaign",
        index="btree_not_null",
        ondelete="set null",
        help="The campaign this event is organised for.",
    )
