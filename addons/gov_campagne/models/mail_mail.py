import smtplib
from contextvars import ContextVar
from datetime import timedelta

from odoo import fields, models, tools

from .. import smtp_delivery, topic_links

# Internal ids of the relation (``res.partner-42``): nobody outside needs them.
PRIVATE_HEADERS = ("X-Odoo-Objects",)

# One run of ``_send`` (a batch on one SMTP session) commits after every mail,
# which empties the ORM cache each time. What is the same for every mail of
# the batch (a mailing's tracking choice, the values of its contact moments)
# is kept here instead of read again per mail.
_BATCH_CACHE = ContextVar("gov_mail_batch_cache", default=None)
# Ids of the delivered bulk mails to delete (auto_delete) at the end of the
# batch, in one go: deleting each mail with its message after sending it costs
# more than sending it. A delivered mail is "sent" and never sent again, so
# until then it only waits.
_DELETE_AFTER_BATCH = ContextVar("gov_mail_delete_after_batch", default=None)
# Set by the chunked sending of bulk mail (mail_mail_bulk_send.py), which
# commits a chunk at once: the chunk's contact moments are then made in one
# insert at the end of the batch, before its delivered mails are deleted.
MOMENTS_AFTER_BATCH = ContextVar("gov_mail_moments_after_batch", default=None)


class MailMail(models.Model):
    """Campaign mail as it leaves: tokens put in, honest states, retries.

    Topic links leave with their token; the stored copies never hold it.
    Confirmation mails and topic updates are stored with the token of their
    links hidden (see ``topic_links.HIDDEN_TOKEN``): staff read those copies
    through mail.message, and the token proves the subscriber's own act. The
    token is put in here, in the mail as it is handed to the mail server, and
    only for the subscriber's own mailbox.

    Bulk mail (mailings and topic updates) that meets a transient SMTP error
    (the server is away, or answers 4xx) goes back to the queue with a
    back-off; only a final error marks it failed, with the server's reason.
    The contact moment is logged when the mail was handed to the server.
    """

    _inherit = "mail.mail"

    # Whose token the links of a topic update get (those mails are about the
    # update, not the subscription). The confirmation mail says it through
    # its model and res_id.
    gov_topic_subscription_id = fields.Many2one(
        "gov.topic.subscription",
        string="Subscription of the links",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    gov_topic_update_id = fields.Many2one(
        "gov.topic.update",
        string="Topic update",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    gov_attempt_count = fields.Integer(
        string="Failed attempts",
        readonly=True,
        copy=False,
        help="Times the mail server could not take this mail for a passing "
        "reason; it is tried again later, until the last attempt.",
    )

    def _gov_topic_subscription(self):
        self.ensure_one()
        if self.gov_topic_subscription_id:
            return self.gov_topic_subscription_id
        if self.model == "gov.topic.subscription" and self.res_id:
            return self.env["gov.topic.subscription"].browse(self.res_id)
        return self.env["gov.topic.subscription"]

    def _gov_is_bulk(self):
        self.ensure_one()
        return bool(self.mailing_id or self.gov_topic_update_id)

    @staticmethod
    def _gov_batch_cached(key, compute):
        """``compute()``, once per batch of ``_send`` for the same ``key``."""
        cache = _BATCH_CACHE.get()
        if cache is None:
            return compute()
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def _gov_tracking_enabled(self):
        self.ensure_one()
        mailing = self.mailing_id
        return self._gov_batch_cached(
            ("tracking", mailing.id), mailing._gov_tracking_enabled
        )

    def _prepare_outgoing_list(self, mail_server=False, doc_to_followers=None):
        smtp_delivery.MAIL_IN_FLIGHT.set(self.id)
        emails = super()._prepare_outgoing_list(
            mail_server=mail_server, doc_to_followers=doc_to_followers
        )
        if self._gov_is_bulk():
            for email in emails:
                # A new dict: the headers are shared by every recipient.
                email["headers"] = {
                    name: value
                    for name, value in (email.get("headers") or {}).items()
                    if name not in PRIVATE_HEADERS
                }
        if self.mailing_id:
            self._gov_add_unsubscribe_footer(emails)
        # sudo: the token is for the system only. It goes nowhere but into this
        # outgoing mail, and only towards the subscriber (checked below); the
        # stored mail keeps the hidden link.
        subscription = self.sudo()._gov_topic_subscription().exists()
        if not subscription:
            return emails
        token = subscription.token
        for email in emails:
            if not subscription._gov_is_own_mailbox(
                email.get("partner_id"), email.get("email_to_normalized") or []
            ):
                continue
            for key in ("body", "body_alternative"):
                email[key] = topic_links.reveal(email.get(key), token)
            # A new dict: the headers are shared by every recipient of the mail.
            email["headers"] = {
                name: topic_links.reveal(value, token)
                if isinstance(value, str)
                else value
                for name, value in (email.get("headers") or {}).items()
            }
        return emails

    def _gov_add_unsubscribe_footer(self, emails):
        """A visible unsubscribe link under a mailing that has none, in the
        recipient's language (a bulk mail must let the reader leave)."""
        mailing = self.mailing_id
        # sudo: the language of the recipient only, for the footer's words.
        record = (
            self.env[self.model].sudo().browse(self.res_id)
            if self.model and self.res_id
            else None
        )
        lang = (
            record.lang
            if record is not None and "lang" in record._fields and record.lang
            else self.env.lang
        )
        for email in emails:
            body = email["body"] or ""
            if not email.get("email_to") or "/confirm_unsubscribe?" in body:
                continue
            email_to = tools.email_normalize(email["email_to"][0], strict=False)
            url = mailing._get_unsubscribe_url(
                email_to or email["email_to"][0], self.res_id
            )
            footer = mailing._gov_unsubscribe_footer(url, lang)
            email["body"] = tools.mail.append_content_to_html(
                email["body"], footer, plaintext=False
            )
            # The text part is the body's, made already: add the footer's text
            # rather than convert the whole body again.
            email["body_alternative"] = (
                f"{email.get('body_alternative') or ''}\n\n"
                f"{tools.html2plaintext(footer)}"
            ).strip()

    def _prepare_outgoing_body(self):
        body = super()._prepare_outgoing_body()
        mailing = self.mailing_id
        if body and mailing and not self._gov_tracking_enabled():
            # mass_mailing adds an open-tracking pixel to every mail; reading
            # is only tracked for a campaign that chose it, with a purpose.
            pixel = f'<img src="{self._get_tracking_url()}"/>'
            body = body.replace(body.__class__(pixel), body.__class__(""))
        return body

    # ------------------------------------------------------------------
    # Sending: retries, honest failures, contact moments
    # ------------------------------------------------------------------

    def _send(
        self,
        auto_commit=False,
        raise_exception=False,
        smtp_session=None,
        alias_domain_id=False,
        mail_server=False,
        post_send_callback=None,
    ):
        smtp_delivery.MAIL_IN_FLIGHT.set(None)
        cache_token = _BATCH_CACHE.set({})
        delete_token = _DELETE_AFTER_BATCH.set([])
        try:
            result = super()._send(
                auto_commit=auto_commit,
                raise_exception=raise_exception,
                smtp_session=smtp_session,
                alias_domain_id=alias_domain_id,
                mail_server=mail_server,
                post_send_callback=post_send_callback,
            )
            self._gov_log_pending_moments()
            self._gov_delete_delivered()
            return result
        except smtplib.SMTPServerDisconnected as error:
            # The session died with one mail in flight: Odoo leaves it in
            # "exception" with a placeholder reason and its trace "outgoing".
            # Give it its real reason and a retry; the mails after it wait
            # in the queue for the next run.
            in_flight = self.browse(smtp_delivery.MAIL_IN_FLIGHT.get() or [])
            if raise_exception or not in_flight or not in_flight._gov_is_bulk():
                raise
            reason = self.env._(
                "The mail server closed the connection: %(error)s",
                error=tools.exception_to_unicode(error),
            )
            in_flight.write(
                {
                    "state": "exception",
                    "failure_type": "mail_smtp",
                    "failure_reason": reason,
                }
            )
            smtp_delivery.LAST_SMTP_ERROR.set(error)
            in_flight._postprocess_sent_message(
                success_pids=[],
                success_emails=[],
                failure_reason=reason,
                failure_type="mail_smtp",
            )
            self._gov_trigger_queue(fields.Datetime.now() + timedelta(minutes=1))
            self._gov_log_pending_moments()
            self._gov_delete_delivered()
            return True
        finally:
            # Should the batch break off, its delivered mails stay "sent":
            # never sent again, deleted by nobody but harmless.
            smtp_delivery.MAIL_IN_FLIGHT.set(None)
            _BATCH_CACHE.reset(cache_token)
            _DELETE_AFTER_BATCH.reset(delete_token)

    def _gov_delete_delivered(self):
        """Delete the delivered bulk mails of this batch (see _send)."""
        ids = _DELETE_AFTER_BATCH.get()
        if not ids:
            return
        _DELETE_AFTER_BATCH.set([])
        # sudo: as Odoo's own auto_delete; these are mails of this batch that
        # were delivered and are marked for deletion after sending.
        # No commit of its own: the next mail's commit (or the caller's) takes
        # it along; until then the delivered mails only wait, as "sent".
        delivered = self.sudo().browse(ids).exists()
        delivered.filtered(lambda mail: mail.state == "sent").unlink()

    def _gov_log_pending_moments(self):
        """The contact moments of the batch's delivered mails (see
        MOMENTS_AFTER_BATCH), in one go."""
        pending = MOMENTS_AFTER_BATCH.get()
        if pending:
            MOMENTS_AFTER_BATCH.set([])
            self.browse(pending)._gov_log_sent_moments()

    def unlink(self):
        later = _DELETE_AFTER_BATCH.get()
        if later is not None and self.env.context.get("gov_delete_after_batch"):
            later.extend(self.ids)
            return True
        return super().unlink()

    def _postprocess_sent_message(
        self, success_pids, success_emails, failure_reason=False, failure_type=None
    ):
        error = smtp_delivery.LAST_SMTP_ERROR.get()
        smtp_delivery.LAST_SMTP_ERROR.set(None)
        bulk = self.filtered(lambda mail: mail._gov_is_bulk())
        if not failure_type:
            sent = bulk.filtered(lambda mail: mail.state == "sent")
            pending = MOMENTS_AFTER_BATCH.get()
            if pending is None:
                sent._gov_log_sent_moments()
            else:
                pending.extend(sent.ids)
            mails = self
            if sent == self and _DELETE_AFTER_BATCH.get() is not None:
                # auto_delete waits for the end of the batch (see _send).
                mails = self.with_context(gov_delete_after_batch=True)
            return super(MailMail, mails)._postprocess_sent_message(
                success_pids, success_emails, failure_reason, failure_type
            )
        transient = failure_type == "mail_smtp" or (
            error is not None and smtp_delivery.is_transient(error)
        )
        retry = self.browse()
        if transient:
            retry = bulk.filtered(
                lambda mail: mail.gov_attempt_count + 1 < smtp_delivery.MAX_ATTEMPTS
            )
            retry._gov_retry_later(failure_reason or "")
        final = self - retry
        if not final:
            return True
        result = super(MailMail, final)._postprocess_sent_message(
            success_pids, success_emails, failure_reason, failure_type
        )
        failed = final & bulk
        if failed:
            # What finally failed says why, on the mail and on its trace.
            failed.mailing_trace_ids.write(
                {"failure_reason": failure_reason or failed[:1].failure_reason}
            )
        return result

    def _gov_retry_later(self, reason):
        """Back to the queue, later each time; the queue wakes up for it."""
        now = fields.Datetime.now()
        for mail in self:
            attempt = mail.gov_attempt_count + 1
            mail.write(
                {
                    "state": "outgoing",
                    "gov_attempt_count": attempt,
                    "scheduled_date": now
                    + timedelta(minutes=smtp_delivery.backoff_minutes(attempt)),
                    "failure_type": False,
                    "failure_reason": self.env._(
                        "Attempt %(attempt)s of %(max)s failed, tried again "
                        "later: %(reason)s",
                        attempt=attempt,
                        max=smtp_delivery.MAX_ATTEMPTS,
                        reason=reason,
                    ),
                }
            )
        if self:
            self._gov_trigger_queue(min(self.mapped("scheduled_date")))

    def _gov_trigger_queue(self, at=None):
        # sudo: waking the mail queue sends what is already queued, nothing else.
        self.env.ref("mail.ir_cron_mail_scheduler_action").sudo()._trigger(at)

    def _gov_log_sent_moments(self):
        """One outbound e-mail contact moment per mail handed to the server."""
        now = fields.Datetime.now()
        moment_vals = []
        for mail in self:
            source, partner_id = mail._gov_moment_source()
            if source and partner_id:
                # The same for every mail of the source: made once a batch.
                shared = self._gov_batch_cached(
                    ("moment", source._name, source.id),
                    lambda source=source: source._gov_contact_moment_values(now),
                )
                moment_vals.append(
                    {
                        **shared,
                        "occurred_at": now,
                        "partner_id": partner_id,
                        "channel": "email",
                    }
                )
        if moment_vals:
            # sudo: the queue (or a marketing user without address-book
            # rights) sends; the moments record this delivery only.
            self.env["gov.contact.moment"].sudo().with_context(
                tracking_disable=True, mail_create_nolog=True
            ).create(moment_vals)

    def _gov_moment_source(self):
        """(record that sent this mail, relation id) for its contact moment."""
        self.ensure_one()
        if self.gov_topic_update_id:
            return (
                self.gov_topic_update_id,
                self.sudo().gov_topic_subscription_id.partner_id.id,
            )
        if self.mailing_id and self.model == "res.partner" and self.res_id:
            return self.mailing_id, self.res_id
        return None, None
