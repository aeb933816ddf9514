import logging
from contextvars import ContextVar
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL, split_every

from .mail_mail import MOMENTS_AFTER_BATCH

_logger = logging.getLogger(__name__)

# Ids of the chunk's mails that went to the SMTP server (or were about to).
_ATTEMPTED = ContextVar("gov_bulk_attempted", default=None)

# Bulk mails sent between two commits. Odoo commits after every mail, which
# empties the ORM cache, so each mail reads its mailing, message and
# recipient again: two thirds of the work of a campaign mail. A chunk keeps
# them in the cache; the claim below keeps "never sent twice".
BULK_CHUNK = 50
# A claimed mail still queued after this long belongs to a run that died
# (server stopped, database error) between the SMTP server taking it and the
# commit: it may have been delivered, so it is never sent again on its own.
STALE_CLAIM = timedelta(minutes=30)
# What a bulk mail's sending reads, fetched for the whole chunk at once.
PREFETCH_FIELDS = (
    "state",
    "body_html",
    "email_to",
    "email_cc",
    "recipient_ids",
    "mailing_id",
    "mailing_trace_ids",
    "mail_server_id",
    "gov_topic_update_id",
    "gov_topic_subscription_id",
    "gov_attempt_count",
    "is_notification",
    "auto_delete",
    "headers",
    "model",
    "res_id",
    "subject",
    "email_from",
    "reply_to",
    "message_id",
    "references",
    "attachment_ids",
    "mail_message_id",
)


class MailMail(models.Model):
    """Campaign mail in chunks, from two lanes at once, each mail at most once.

    Before a chunk is sent its mails are claimed in their own committed
    transaction (``gov_sending_started``); a mail already claimed is skipped,
    so two lanes (the mail queue, oldest first, and the campaign lane, newest
    first) never send the same mail. The chunk's results are committed
    together. Should the run die inside a chunk, its claimed mails are marked
    failed with "may have been delivered" instead of sent again.

    The commits are those of Odoo's own mail queue (it commits after every
    mail, ``auto_commit``): this code runs only from the cron with
    ``auto_commit=True``, never inside a user's transaction.
    """

    _inherit = "mail.mail"

    gov_sending_started = fields.Datetime(
        string="Sending started",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Set while a sending run has this mail in hand; a mail with this "
        "date is not taken by another run.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        mails = super().create(vals_list)
        if any(
            vals.get("mailing_id") or vals.get("gov_topic_update_id")
            for vals in vals_list
        ):
            lane = self.env.ref(
                "gov_campagne.ir_cron_mail_bulk_lane", raise_if_not_found=False
            )
            if lane:
                # sudo: waking the lane sends what is queued, nothing else.
                lane.sudo()._trigger()
        return mails

    @api.model
    def process_email_queue(self, email_ids=(), batch_size=1000):
        self._gov_fail_stale_claims()
        filters = [
            *(self.env.context.get("filters") or []),
            ("gov_sending_started", "=", False),
        ]
        return super(MailMail, self.with_context(filters=filters)).process_email_queue(
            email_ids=email_ids, batch_size=batch_size
        )

    @api.model
    def _gov_process_bulk_lane(self, batch_size=1000):
        """The second lane: queued bulk mails, newest first (the mail queue
        takes the oldest first), so both send the same mailing at once."""
        self._gov_fail_stale_claims()
        now = fields.Datetime.now()
        domain = [
            ("state", "=", "outgoing"),
            ("gov_sending_started", "=", False),
            "|",
            ("mailing_id", "!=", False),
            ("gov_topic_update_id", "!=", False),
            "|",
            ("scheduled_date", "=", False),
            ("scheduled_date", "<=", now),
        ]
        mails = self.search(domain, limit=batch_size, order="id desc")
        if not mails:
            return True
        total = self.search_count(domain)
        cron = self.env["ir.cron"]

        def progress(ids):
            if self.env.context.get("ir_cron_progress_id"):
                cron._commit_progress(len(ids), remaining=max(total - len(ids), 0))

        # Newest first, as searched. The same entry as the mail queue: per mail
        # server, one SMTP session.
        mails.send(auto_commit=True, post_send_callback=progress)
        return True

    def _send(
        self,
        auto_commit=False,
        raise_exception=False,
        smtp_session=None,
        alias_domain_id=False,
        mail_server=False,
        post_send_callback=None,
    ):
        bulk = (
            self.filtered(lambda mail: mail._gov_is_bulk())
            if auto_commit
            else self.browse()
        )
        if len(bulk) < 2:
            bulk = self.browse()
        session = {
            "raise_exception": raise_exception,
            "smtp_session": smtp_session,
            "alias_domain_id": alias_domain_id,
            "mail_server": mail_server,
        }
        others = self - bulk
        if others:
            super(MailMail, others)._send(
                auto_commit=auto_commit,
                post_send_callback=post_send_callback,
                **session,
            )
        for chunk_ids in split_every(BULK_CHUNK, bulk.ids):
            if smtp_session is not None and getattr(smtp_session, "sock", True) is None:
                # The server closed the session: the rest waits for the next run.
                break
            chunk = self._gov_claim(list(chunk_ids))
            if not chunk:
                continue
            chunk._gov_prefetch_for_sending()
            attempted = _ATTEMPTED.set([])
            moments = MOMENTS_AFTER_BATCH.set([])
            try:
                super(MailMail, chunk)._send(auto_commit=False, **session)
            except Exception:
                # The chunk's results are lost with the transaction. Mails that
                # never reached the server are released; the others stay
                # claimed (see _gov_fail_stale_claims).
                untouched = set(chunk.ids) - set(_ATTEMPTED.get())
                self.env.cr.rollback()
                self._gov_release(list(untouched))
                raise
            finally:
                _ATTEMPTED.reset(attempted)
                MOMENTS_AFTER_BATCH.reset(moments)
            # Released: what is still queued (a retry later) may be taken again.
            chunk.exists().write({"gov_sending_started": False})
            if post_send_callback:
                post_send_callback(chunk.ids)
            self.env.cr.commit()  # pylint: disable=invalid-commit
        return True

    def _gov_prefetch_for_sending(self):
        """What sending reads per mail, read for the chunk at once: Odoo's
        loop browses each mail alone, so nothing would be prefetched."""
        self.fetch(PREFETCH_FIELDS)
        self.mail_message_id.fetch(["attachment_ids", "mail_ids"])
        partners = self.recipient_ids | self.env["res.partner"].browse(
            mail.res_id for mail in self if mail.model == "res.partner" and mail.res_id
        )
        partners.fetch()

    def _gov_claim(self, ids):
        """The mails of ``ids`` still queued and claimed by nobody, claimed
        for this run in a committed transaction of their own."""
        self.env.cr.commit()  # pylint: disable=invalid-commit
        self.env.cr.execute(
            SQL(
                """
                UPDATE mail_mail SET gov_sending_started = (now() AT TIME ZONE 'UTC')
                 WHERE id IN (
                       SELECT id FROM mail_mail
                        WHERE id = ANY(%s) AND state = 'outgoing'
                          AND gov_sending_started IS NULL
                          FOR UPDATE SKIP LOCKED)
             RETURNING id
                """,
                ids,
            )
        )
        claimed = {row[0] for row in self.env.cr.fetchall()}
        self.env.cr.commit()  # pylint: disable=invalid-commit
        self.invalidate_model(["gov_sending_started"])
        return self.browse([mail_id for mail_id in ids if mail_id in claimed])

    def _prepare_outgoing_list(self, mail_server=False, doc_to_followers=None):
        attempted = _ATTEMPTED.get()
        if attempted is not None:
            attempted.append(self.id)
        return super()._prepare_outgoing_list(
            mail_server=mail_server, doc_to_followers=doc_to_followers
        )

    def _gov_release(self, ids):
        if ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE mail_mail SET gov_sending_started = NULL "
                    "WHERE id = ANY(%s)",
                    ids,
                )
            )
            self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _gov_fail_stale_claims(self):
        """Claimed mails of a run that died: failed, never sent again."""
        stale = self.search(
            [
                ("state", "=", "outgoing"),
                ("gov_sending_started", "!=", False),
                ("gov_sending_started", "<", fields.Datetime.now() - STALE_CLAIM),
            ]
        )
        if not stale:
            return
        reason = self.env._(
            "Sending was interrupted after this mail was handed to the mail "
            "server; it may have been delivered, so it is not sent again "
            "automatically."
        )
        _logger.warning("%s interrupted bulk mails marked failed", len(stale))
        stale.write(
            {
                "state": "exception",
                "failure_type": "unknown",
                "failure_reason": reason,
                "gov_sending_started": False,
            }
        )
        stale._postprocess_sent_message(
            success_pids=[],
            success_emails=[],
            failure_reason=reason,
            failure_type="unknown",
        )
