from datetime import timedelta
from unittest.mock import patch

import psycopg2

from odoo import fields
from odoo.tests import tagged

from ..models import mail_mail_bulk_send
from .test_delivery import GovDeliveryCase


@tagged("post_install", "-at_install")
class TestBulkSend(GovDeliveryCase):
    """Campaign mail as the cron workers send it: in chunks, from two lanes,
    each mail at most once.

    The cron commits; here a commit is a no-op, so the chunks run as they do
    in production within the test's transaction.
    """

    def setUp(self):
        super().setUp()
        self.patch(self.env.cr, "commit", lambda: None)
        self.patch(mail_mail_bulk_send, "BULK_CHUNK", 2)

    def _queued_mailing(self):
        mailing = self._mailing()
        mailing.action_launch()
        mailing.action_send_mail()
        mails = self.env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id)])
        mails.scheduled_date = False
        self.assertGreaterEqual(len(mails), 3, "the press audience has three addresses")
        return mailing, mails

    def _recipients(self, mailing):
        return set(mailing.mailing_trace_ids.mapped("email"))

    def _received(self):
        return [rcpt for message in self.sink.messages for rcpt in message["rcpt_tos"]]

    def test_chunks_deliver_every_mail_once_with_its_moment(self):
        mailing, mails = self._queued_mailing()
        mails.send(auto_commit=True)
        received = self._received()
        self.assertCountEqual(received, self._recipients(mailing))
        self.assertEqual(
            set(mailing.mailing_trace_ids.mapped("trace_status")), {"sent"}
        )
        self.assertEqual(len(self._moments(mailing)), len(mails))
        self.assertFalse(mails.exists(), "delivered bulk mails are deleted")

    def test_a_claimed_mail_is_left_to_the_run_that_claimed_it(self):
        mailing, mails = self._queued_mailing()
        claimed = mails[0]
        claimed.gov_sending_started = fields.Datetime.now()
        other_emails = self._recipients(mailing) - {claimed.mailing_trace_ids.email}
        self.env["mail.mail"].sudo().process_email_queue()
        self.assertCountEqual(self._received(), other_emails)
        self.assertEqual(claimed.state, "outgoing")

    def test_the_second_lane_sends_bulk_mail_only(self):
        mailing, _mails = self._queued_mailing()
        notice = (
            self.env["mail.mail"]
            .sudo()
            .create(
                {
                    "subject": "Geen campagnepost",
                    "body_html": "<p>Een gewone mail</p>",
                    "email_to": "iemand@voorbeeld.example",
                    "email_from": "info@provincie.example",
                }
            )
        )
        self.env["mail.mail"].sudo()._gov_process_bulk_lane()
        self.assertCountEqual(self._received(), self._recipients(mailing))
        self.assertEqual(notice.state, "outgoing")

    def test_two_lanes_never_send_a_mail_twice(self):
        mailing, mails = self._queued_mailing()
        Mail = self.env["mail.mail"].sudo()
        # The lane takes the newest mail first; the queue, run meanwhile by the
        # other worker, finds it claimed and sends the rest.
        newest = mails.sorted("id")[-1]
        real_claim = type(Mail)._gov_claim
        lane_claimed = []

        def claim(records, ids):
            chunk = real_claim(records, ids)
            if not lane_claimed:
                lane_claimed.extend(chunk.ids)
                Mail.process_email_queue()
            return chunk

        with patch.object(type(Mail), "_gov_claim", claim):
            Mail._gov_process_bulk_lane()
        self.assertIn(newest.id, lane_claimed)
        received = self._received()
        self.assertCountEqual(received, self._recipients(mailing))
        self.assertEqual(len(received), len(set(received)))

    def test_an_interrupted_claim_is_failed_and_never_sent_again(self):
        _mailing, mails = self._queued_mailing()
        interrupted = mails[0]
        interrupted.gov_sending_started = fields.Datetime.now() - timedelta(hours=1)
        self.env["mail.mail"].sudo().process_email_queue()
        self.assertNotIn(interrupted.mailing_trace_ids.email, self._received())
        self.assertEqual(interrupted.state, "exception")
        self.assertIn("may have been delivered", interrupted.failure_reason)
        self.assertEqual(interrupted.mailing_trace_ids.trace_status, "error")

    def test_a_database_error_keeps_sent_mails_claimed_and_frees_the_rest(self):
        _mailing, mails = self._queued_mailing()
        self.patch(mail_mail_bulk_send, "BULK_CHUNK", 3)
        first, second, third = mails.sorted("id")[:3]
        IrMailServer = type(self.env["ir.mail_server"])
        real_send = IrMailServer.send_email
        sent = []

        def send_email(server, message, *args, **kwargs):
            if sent:
                raise psycopg2.OperationalError("the database went away")
            sent.append(message["To"])
            return real_send(server, message, *args, **kwargs)

        # The transaction is lost with a database error; here it is kept, so
        # what the run claimed and released can be read afterwards.
        self.patch(self.env.cr, "rollback", lambda: None)
        with patch.object(IrMailServer, "send_email", send_email):
            with self.assertRaises(psycopg2.OperationalError):
                mails.sorted("id").send(auto_commit=True)
        # The first went out, the second may have: neither is sent again.
        self.assertTrue(first.gov_sending_started)
        self.assertTrue(second.gov_sending_started)
        # The third never reached the server: free for the next run.
        self.assertFalse(third.gov_sending_started)
