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
    sent_count = fields.Integer(string="Sent to", readonly=True, copy=False)

    @api.depends("topic_id")
    def _compute_recipient_count(self):
        for update in self:
            update.recipient_count = self.env["gov.topic.subscription"].search_count(
                update._get_recipients_domain()
            )

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
                body=self.env._("Sent to %(count)s subscribers.", count=count)
            )
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
        partners.fetch(["name", "email"])  # for email_formatted, in one query
        email_from = self.env.user.email_formatted or self.env.company.email_formatted
        base_url = self.get_base_url()
        Campaign = self.env["gov.campaign"]
        split = Campaign._split_by_channel(partners.with_env(self.env))
        links = {
            subscription.partner_id.id: topic_links.unsubscribe_url(
                base_url, subscription.token
            )
            for subscription in subscriptions
        }
        moment = {
            "direction": "outbound",
            "subject": self.title,
            "summary": html2plaintext(self.body or "")[:500],
            "occurred_at": now,
            "user_id": self.env.uid,
            "confidentiality": "openbaar",
            "is_bulk": True,
            "res_model": self._name,
            "res_id": self.id,
        }
        message = {"subject": self.title, "body": self.body, "moment": moment}
        moment_vals = Campaign._gov_send_other_channels(split, message, self, links)
        mail_vals = []
        by_email = set(split["email"].ids)
        for subscription in subscriptions:
            if subscription.partner_id.id not in by_email:
                continue
            mail_vals.append(
                self._prepare_mail_vals(subscription, email_from, base_url)
            )
            moment_vals.append(
                {**moment, "partner_id": subscription.partner_id.id, "channel": "email"}
            )
        # sudo: mail.mail is for system users only; the mails are built above.
        self.env["mail.mail"].sudo().create(mail_vals)
        self.env["gov.contact.moment"].with_context(
            tracking_disable=True, mail_create_nolog=True
        ).create(moment_vals)
        return len(subscriptions)

    def _prepare_mail_vals(self, subscription, email_from, base_url):
        # The stored mail (readable through its mail.message) carries the link
        # with the token hidden; mail.mail reveals it as the mail leaves, for
        # the subscriber's own address only (gov_topic_subscription_id says
        # whose).
        hidden = topic_links.HIDDEN_TOKEN
        link = topic_links.unsubscribe_url(base_url, hidden)
        footer = Markup(
            '<p style="font-size: small; color: #666;">%s <a href="%s">%s</a></p>'
        ) % (
            self.env._(
                "You receive this because you follow %(topic)s.",
                topic=self.topic_id.name,
            ),
            link,
            self.env._("Unsubscribe"),
        )
        return {
            "subject": self.title,
            "body_html": Markup(self.body or "") + footer,
            "email_from": email_from,
            "email_to": subscription.partner_id.email_formatted,
            "headers": repr(topic_links.unsubscribe_headers(base_url, hidden)),
            "gov_topic_subscription_id": subscription.id,
            "auto_delete": True,
        }
