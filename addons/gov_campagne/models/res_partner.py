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
    # The static lists a relation is on (a campaign audience can be one).
    gov_segment_ids = fields.Many2many(
        "gov.segment",
        "gov_segment_res_partner_rel",
        "partner_id",
        "segment_id",
        string="Static lists",
        groups="gov_addressbook.group_reader",
    )
