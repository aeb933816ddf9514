from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.gov_addressbook.server_context import server_flag, server_flags
from odoo.exceptions import UserError
from odoo.tools import email_normalize

from .. import topic_links

SUBSCRIPTION_STATES = [
    ("pending", "Awaiting confirmation"),
    ("confirmed", "Confirmed"),
    ("withdrawn", "Withdrawn"),
]
SOURCES = [("web", "Web"), ("staff", "Staff"), ("import", "Import")]
# The public form mails a pending subscriber again at most this often, so it
# cannot be used to flood someone's mailbox.
RESEND_AFTER = timedelta(minutes=10)
# Fields that only the consent methods below may change, so that the consent
# log always tells the whole story of a subscription. The consent methods say
# so with a server flag (see gov_addressbook.server_context), never with the
# context: an RPC caller sets the context and could pass the guard with it.
CONSENT_FIELDS = {
    "state",
    "confirmed_at",
    "withdrawn_at",
    "token",
    "requested_at",
    "source",
}


class GovTopicSubscription(models.Model):
    _name = "gov.topic.subscription"
    _description = "Topic subscription"
    _order = "requested_at desc, id desc"
    _rec_name = "partner_id"

    topic_id = fields.Many2one(
        "gov.topic", required=True, index=True, ondelete="restrict", readonly=True
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Subscriber",
        required=True,
        index=True,
        ondelete="restrict",
    )
    email = fields.Char(related="partner_id.email", string="E-mail")
    state = fields.Selection(
        SUBSCRIPTION_STATES, required=True, default="pending", index=True, readonly=True
    )
    # The token is the secret of the public links: only the system sees it,
    # so nobody can confirm a subscription on someone else's behalf.
    token = fields.Char(
        required=True,
        copy=False,
        readonly=True,
        default=lambda self: topic_links.new_token(),
        groups="base.group_system",
    )
    requested_at = fields.Datetime(
        string="Requested", required=True, readonly=True, default=fields.Datetime.now
    )
    confirmed_at = fields.Datetime(string="Confirmed", readonly=True, copy=False)
    withdrawn_at = fields.Datetime(string="Withdrawn", readonly=True, copy=False)
    source = fields.Selection(SOURCES, required=True, default="staff", readonly=True)
    confirmation_sent_at = fields.Datetime(
        string="Confirmation mailed", readonly=True, copy=False
    )
    consent_log_ids = fields.One2many(
        "gov.topic.consent.log", "subscription_id", string="Consent log"
    )

    _topic_partner_unique = models.Constraint(
        "UNIQUE(topic_id, partner_id)",
        "This relation already has a subscription on this topic.",
    )
    _token_unique = models.Constraint(
        "UNIQUE(token)", "A subscription token must be unique."
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("state", "pending") == "confirmed":
                vals.setdefault("confirmed_at", fields.Datetime.now())
            elif vals.get("state") == "withdrawn":
                raise UserError(self.env._("A new subscription cannot be withdrawn."))
        subscriptions = super().create(vals_list)
        # The client's address is what the public page saw, never a claim
        # from the caller's context.
        ip = server_flag("gov_consent_ip")
        Log = self.env["gov.topic.consent.log"]
        for source in set(subscriptions.mapped("source")):
            batch = subscriptions.filtered(lambda sub, src=source: sub.source == src)
            Log._log_consent(batch, "subscribe", source, ip)
            confirmed = batch.filtered(lambda sub: sub.state == "confirmed")
            if confirmed:
                Log._log_consent(confirmed, "confirm", source, ip)
        return subscriptions

    def write(self, vals):
        if not server_flag("gov_consent_write"):
            if CONSENT_FIELDS & set(vals):
                raise UserError(
                    self.env._(
                        "Use Confirm or Withdraw to change a subscription, so the "
                        "consent log stays complete."
                    )
                )
            if {"topic_id", "partner_id"} & set(vals):
                raise UserError(
                    self.env._(
                        "A subscription cannot move to another topic or relation: "
                        "withdraw it and subscribe again."
                    )
                )
        return super().write(vals)

    def _consent_write(self, vals):
        with server_flags(gov_consent_write=True):
            return self.write(vals)

    # ------------------------------------------------------------------
    # Consent transitions: each one writes its consent log lines
    # ------------------------------------------------------------------

    @api.model
    def _subscribe(self, topic, partner, source, ip=None):
        """Subscribe ``partner`` to ``topic`` (pending until confirmed).

        An existing subscription is reused: a withdrawn one starts again as
        pending with a new token; a pending or confirmed one is left as it is.
        """
        existing = self.search(
            [("topic_id", "=", topic.id), ("partner_id", "=", partner.id)], limit=1
        )
        if not existing:
            with server_flags(gov_consent_ip=ip or None):
                return self.create(
                    {"topic_id": topic.id, "partner_id": partner.id, "source": source}
                )
        if existing.state == "withdrawn":
            existing._consent_write(
                {
                    "state": "pending",
                    "source": source,
                    "token": topic_links.new_token(),
                    "requested_at": fields.Datetime.now(),
                    "confirmed_at": False,
                    "withdrawn_at": False,
                    "confirmation_sent_at": False,
                }
            )
            self.env["gov.topic.consent.log"]._log_consent(
                existing, "subscribe", source, ip
            )
        return existing

    @api.model
    def _subscribe_by_email(self, topic, name, email, source, ip=None):
        """Subscribe whoever holds ``email``: the relation with that address is
        found (never duplicated) or created, and a pending subscription mails
        its confirmation link. Returns the subscription."""
        normalized = email_normalize(email or "")
        if not normalized:
            raise UserError(self.env._("Enter a valid e-mail address."))
        name = (name or "").strip()[:128] or normalized
        partner = self.env["res.partner"]._find_or_create_from_emails(
            [normalized], additional_values={normalized: {"name": name}}
        )[0]
        subscription = self._subscribe(topic, partner, source, ip)
        last_sent = subscription.confirmation_sent_at
        recently = last_sent and last_sent > fields.Datetime.now() - RESEND_AFTER
        if subscription.state == "pending" and not recently:
            subscription._send_confirmation()
        return subscription

    def _confirm(self, source, ip=None):
        """Confirm pending subscriptions; others are left alone (a second click
        on the confirmation link changes nothing). Returns those confirmed."""
        pending = self.filtered(lambda sub: sub.state == "pending")
        if pending:
            pending._consent_write(
                {"state": "confirmed", "confirmed_at": fields.Datetime.now()}
            )
            self.env["gov.topic.consent.log"]._log_consent(
                pending, "confirm", source, ip
            )
        return pending

    def _withdraw(self, source, ip=None):
        """Withdraw subscriptions that are not withdrawn yet; returns them."""
        active = self.filtered(lambda sub: sub.state != "withdrawn")
        if active:
            active._consent_write(
                {"state": "withdrawn", "withdrawn_at": fields.Datetime.now()}
            )
            self.env["gov.topic.consent.log"]._log_consent(
                active, "withdraw", source, ip
            )
        return active

    def action_withdraw(self):
        """Staff withdraw on the subscriber's request (phone, letter, desk)."""
        self._withdraw("staff")

    def action_send_confirmation(self):
        """Mail the double opt-in link again to pending subscribers."""
        pending = self.filtered(lambda sub: sub.state == "pending")
        if not pending:
            raise UserError(self.env._("Only a pending subscription can be confirmed."))
        pending._send_confirmation()

    def _send_confirmation(self):
        template = self.env.ref("gov_campagne.mail_template_topic_confirm")
        for subscription in self:
            # sudo: mail.mail is for system users only. The template renders
            # the link with its token hidden (the stored copies are read by
            # staff); mail.mail puts the token in as the mail leaves, for the
            # subscriber's own address only.
            template.sudo().send_mail(subscription.id)
        self.write({"confirmation_sent_at": fields.Datetime.now()})

    # ------------------------------------------------------------------
    # Public links. The real ones need the token (system or sudo); mails are
    # written with the hidden ones, which mail.mail reveals as they leave.
    # ------------------------------------------------------------------

    def _get_mail_confirm_url(self):
        """The confirmation link as the stored mail shows it: no token."""
        self.ensure_one()
        return topic_links.confirm_url(self.get_base_url(), topic_links.HIDDEN_TOKEN)

    def _gov_is_own_mailbox(self, partner, emails_normalized):
        """True when an outgoing mail goes to the subscriber and nobody else:
        to the subscriber's relation, or to addresses that are all the
        subscriber's own. Only such a mail may carry the token."""
        self.ensure_one()
        if partner:
            return partner == self.partner_id
        own = self.partner_id.email_normalized
        return bool(own and emails_normalized) and set(emails_normalized) == {own}

    def _get_confirm_url(self):
        self.ensure_one()
        return topic_links.confirm_url(self.get_base_url(), self.token)

    def _get_unsubscribe_url(self):
        self.ensure_one()
        return topic_links.unsubscribe_url(self.get_base_url(), self.token)
