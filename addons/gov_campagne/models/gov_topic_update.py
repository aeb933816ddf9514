from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import html2plaintext

from .. import topic_links

UPDATE_STATES = [("draft", "Draft"), ("published", "Published")]


class GovTopicUpdate(models.Model):
    """News on a topic, sent once to every subscriber who may be contacted."""

    _name = "gov.topic.update"
    _description = "Topic update"
    _inherit = ["mail.thread"]
    _order = "published_at desc, id desc"
    _rec_name = "title"

    topic_id = fields.Many2one(
        "gov.topic", required=True, index=True, ondelete="restrict", tracking=True
    )
    title = fields.Char(required=True, tracking=True)
    body = fields.Html()
    state = fields.Selection(
        UPDATE_STATES, required=True, default="draft", tracking=True, index=True
    )
    published_at = fields.Datetime(readonly=True, copy=False)
    published_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    recipient_count = fields.Integer(
        string="Will reach",
        compute="_compute_recipient_count",
        help="Confirmed subscribers who may be contacted now, each on the "
        "channel they prefer (e-mail, letter or SMS).",
    )
    sent_count = fields.Integer(
        string="Recipients",
        readonly=True,
        copy=False,
        help="Subscribers the update was made for, on any channel.",
    )
    mail_queued_count = fields.Integer(
        string="E-mails waiting",
        compute="_compute_delivery_counts",
        help="E-mails in the mail queue, also those tried again later because "
        "the mail server could not take them.",
    )
    mail_sent_count = fields.Integer(
        string="E-mails sent", compute="_compute_delivery_counts"
    )
    mail_failed_count = fields.Integer(
        string="E-mails failed", compute="_compute_delivery_counts"
    )

    @api.depends("topic_id")
    def _compute_recipient_count(self):
        for update in self:
            update.recipient_count = self.env["gov.topic.subscription"].search_count(
                update._get_recipients_domain()
            )

    def _compute_delivery_counts(self):
        # sudo: counts only; mail.mail is for system users.
        queued = defaultdict(int)
        failed = defaultdict(int)
        for update, state, count in (
            self.env["mail.mail"]
            .sudo()
            ._read_group(
                [("gov_topic_update_id", "in", self.ids)],
                ["gov_topic_update_id", "state"],
                ["__count"],
            )
        ):
            if state == "outgoing":
                queued[update.id] += count
            elif state == "exception":
                failed[update.id] += count
        # Sent mails are deleted; their contact moments are the record.
        sent = dict(
            self.env["gov.contact.moment"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("channel", "=", "email"),
                ],
                ["res_id"],
                ["__count"],
            )
        )
        for update in self:
            update.mail_queued_count = queued[update.id]
            update.mail_failed_count = failed[update.id]
            update.mail_sent_count = sent.get(update.id, 0)

    def _get_recipients_domain(self):
        """Confirmed subscriptions of the topic whose relation may be reached:
        the same exclusions as every campaign send (do not contact, deceased,
        anonymised, archived; for e-mail also blacklisted or no address)."""
        self.ensure_one()
        if not self.topic_id:
            return Domain.FALSE
        reachable = self.env["gov.campaign"]._get_send_domain()
        return Domain(
            [("topic_id", "=", self.topic_id.id), ("state", "=", "confirmed")]
        ) & Domain("partner_id", "any", reachable)

    def action_publish(self):
        for update in self:
            if update.state != "draft":
                raise UserError(
                    self.env._("%(title)s is already published.", title=update.title)
                )
        now = fields.Datetime.now()
        for update in self:
            count = update._send(now)
            update.write(
                {
                    "state": "published",
                    "published_at": now,
                    "published_by_id": self.env.uid,
                    "sent_count": count,
                }
            )
            update.message_post(
                body=self.env._(
                    "Made for %(count)s subscribers. The e-mails and SMS are in "
                    "the queue, which sends them now; see the counters for what "
                    "has left.",
                    count=count,
                )
            )
        # Send now, not at the next hourly run of the mail queue.
        self.env["mail.mail"]._gov_trigger_queue()
        return True

    def _send(self, now):
        """Send the update on each subscriber's preferred channel (e-mail,
        letter or SMS) and log one outbound contact moment per recipient; every
        kind is made in one batch. Returns the number of recipients."""
        self.ensure_one()
        # sudo: the tokens of the unsubscribe links are for the system only; the
        # subscriptions are those of the topic the caller publishes on, narrowed
        # to confirmed and contactable ones by the domain above.
        subscriptions = (
            self.env["gov.topic.subscription"]
            .sudo()
            .search_fetch(self._get_recipients_domain(), ["partner_id", "token"])
        )
        partners = subscriptions.partner_id
        partners.fetch(["name", "email", "lang"])  # email_formatted, footer: one query
        # The organisation sends, not the employee who pressed the button.
        email_from = self.topic_id.email_from or self.env.company.email_formatted
        base_url = self.get_base_url()
        Campaign = self.env["gov.campaign"]
        split = Campaign._split_by_channel(partners.with_env(self.env))
        links = {
            subscription.partner_id.id: topic_links.unsubscribe_url(
                base_url, subscription.token
            )
            for subscription in subscriptions
        }
        moment = self._gov_contact_moment_values(now)
        message = {"subject": self.title, "body": self.body, "moment": moment}
        # Letters are logged as printed; SMS and e-mails when they leave.
        moment_vals = Campaign._gov_send_other_channels(split, message, self, links)
        mail_vals = []
        by_email = set(split["email"].ids)
        for subscription in subscriptions:
            if subscription.partner_id.id not in by_email:
                continue
            mail_vals.append(
                self._prepare_mail_vals(subscription, email_from, base_url)
            )
        # sudo: mail.mail is for system users only; the mails are built above.
        self.env["mail.mail"].sudo().create(mail_vals)
        self.env["gov.contact.moment"].with_context(
            tracking_disable=True, mail_create_nolog=True
        ).create(moment_vals)
        return len(subscriptions)

    def _gov_contact_moment_values(self, occurred_at):
        """Values shared by the outbound contact moments of this update."""
        self.ensure_one()
        return {
            "direction": "outbound",
            "subject": self.title,
            "summary": html2plaintext(self.body or "")[:500],
            "occurred_at": occurred_at,
            "user_id": (self.published_by_id or self.env.user).id,
            "confidentiality": "openbaar",
            "is_bulk": True,
            "res_model": self._name,
            "res_id": self.id,
        }

    def _prepare_mail_vals(self, subscription, email_from, base_url):
        # The stored mail (readable through its mail.message) carries the link
        # with the token hidden; mail.mail reveals it as the mail leaves, for
        # the subscriber's own address only (gov_topic_subscription_id says
        # whose).
        hidden = topic_links.HIDDEN_TOKEN
        link = topic_links.unsubscribe_url(base_url, hidden)
        # The footer speaks the subscriber's language, not the sender's.
        env = self.with_context(lang=subscription.partner_id.lang or None).env
        footer = Markup(
            '<p style="font-size: small; color: #666;">%s <a href="%s">%s</a></p>'
        ) % (
            env._(
                "You receive this because you follow %(topic)s.",
                topic=self.topic_id.name,
            ),
            link,
            env._("Unsubscribe"),
        )
        return {
            "subject": self.title,
            "body_html": Markup(self.body or "") + footer,
            "email_from": email_from,
            "email_to": subscription.partner_id.email_formatted,
            "headers": repr(topic_links.unsubscribe_headers(base_url, hidden)),
            "gov_topic_subscription_id": subscription.id,
            "gov_topic_update_id": self.id,
            "auto_delete": True,
        }
