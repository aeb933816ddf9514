from collections import defaultdict

from odoo import api, fields, models


class GovTopic(models.Model):
    """A subject citizens and companies can follow: a road work, a permit
    procedure, a policy plan. Updates on it go to its confirmed subscribers."""

    _name = "gov.topic"
    _description = "Topic"
    _inherit = ["mail.thread"]
    _order = "sequence, name, id"

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    description = fields.Html(
        help="Shown on the public topics page: what the topic is about and how "
        "often subscribers can expect news."
    )
    active = fields.Boolean(default=True, tracking=True)
    published = fields.Boolean(
        default=False,
        tracking=True,
        help="Shown on the public topics page, where anyone can subscribe.",
    )
    email_from = fields.Char(
        string="Sender",
        help="The organisation's address updates on this topic come from, e.g. "
        '"Provincie Overijssel" <communicatie@overijssel.nl>. Empty: the '
        "company's address, never the publishing employee's own.",
    )
    subscription_ids = fields.One2many(
        "gov.topic.subscription", "topic_id", string="Subscriptions"
    )
    update_ids = fields.One2many("gov.topic.update", "topic_id", string="Updates")
    subscriber_count = fields.Integer(
        string="Subscribers",
        compute="_compute_subscription_counts",
        help="Confirmed subscriptions: the people an update is sent to.",
    )
    pending_count = fields.Integer(
        string="Awaiting confirmation", compute="_compute_subscription_counts"
    )
    withdrawn_count = fields.Integer(
        string="Withdrawn", compute="_compute_subscription_counts"
    )
    update_count = fields.Integer(compute="_compute_update_count")

    @api.depends("subscription_ids.state")
    def _compute_subscription_counts(self):
        counts = defaultdict(int)
        for topic, state, count in self.env["gov.topic.subscription"]._read_group(
            [("topic_id", "in", self.ids)], ["topic_id", "state"], ["__count"]
        ):
            counts[topic.id, state] = count
        for topic in self:
            topic.subscriber_count = counts[topic.id, "confirmed"]
            topic.pending_count = counts[topic.id, "pending"]
            topic.withdrawn_count = counts[topic.id, "withdrawn"]

    @api.depends("update_ids")
    def _compute_update_count(self):
        counts = dict(
            self.env["gov.topic.update"]._read_group(
                [("topic_id", "in", self.ids)], ["topic_id"], ["__count"]
            )
        )
        for topic in self:
            topic.update_count = counts.get(topic, 0)

    def action_view_updates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gov_campagne.gov_topic_update_action"
        )
        action["domain"] = [("topic_id", "=", self.id)]
        action["context"] = {"default_topic_id": self.id}
        return action
