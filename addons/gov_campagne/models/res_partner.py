from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Lets a campaign audience select on topics, e.g. everyone who confirmed
    # a subscription on a road work: [("gov_topic_subscription_ids", "any",
    # [("topic_id", "=", 7), ("state", "=", "confirmed")])].
    gov_topic_subscription_ids = fields.One2many(
        "gov.topic.subscription",
        "partner_id",
        string="Topic subscriptions",
        groups="gov_addressbook.group_reader",
    )
