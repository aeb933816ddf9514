import re

from odoo.addons.sms.tools.sms_api import SmsApiBase
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .channel_common import GovChannelCase
from .smtp_sink import GovSmtpSinkMixin

MAIL_LOGGER = "odoo.addons.mail.models.mail_mail"


class GovDeliveryCase(GovSmtpSinkMixin, GovChannelCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.campaign = cls.Campaign.create(
            {
                "name": "Zomerwerkzaamheden",
                "audience_domain": cls.press_domain,
                "email_from": "Provincie <communicatie@provincie.example>",
            }
        )
        cls.queue_cron = cls.env.ref("mail.ir_cron_mail_scheduler_action")

    def _mailing(self, **values):
        return (
            self.env["mailing.mailing"]
            .with_user(self.communication)
            .create(
                {
                    "subject": "Weg dicht in juli",
                    "body_html": '<p>De weg is dicht. <a href="https://www.provincie.'
                    'example/n201">Lees meer</a></p>',
                    "gov_campaign_id": self.campaign.id,
                    "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "mailing_domain": self.press_domain,
                    **values,
                }
            )
        )

    def _send(self, mailing):
        mailing.action_launch()
        mailing.action_send_mail()
        self.run_mail_queue()

    def _raw(self, address):
        (message,) = self.sink.to(address)
        return message["raw"]

    def _headers(self, raw):
        return raw.split(b"\r\n\r\n", 1)[0]

    def _moments(self, record, channel="email"):
        return self.Moment.search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("channel", "=", channel),
            ]
        )


@tagged("post_install", "-at_install")
class TestDeliveredMessage(GovDeliveryCase):
    """What the mail server receives, byte for byte."""

    def test_mailing_list_unsubscribe_header_is_a_plain_url(self):
        self._send(self._mailing())
        raw = self._raw("ok@krant.example")
        headers = self._headers(raw)
        match = re.search(rb"(?:^|\r\n)List-Unsubscribe: ([^\r\n]*)\r\n", headers)
        self.assertTrue(match, headers)
        value = match.group(1)
        self.assertRegex(value, rb"^<https?://[^>\s]+/unsubscribe_oneclick\?[^>\s]+>$")
        self.assertNotIn(b"=?utf-8?", headers.split(b"List-Unsubscribe:")[1][:200])
        self.assertIn(
            b"\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n", headers
        )

    def test_topic_update_header_carries_the_real_token_only_outgoing(self):
        subscription = self._subscribe_confirmed(self.journalist)
        update = (
            self.env["gov.topic.update"]
            .with_user(self.communication)
            .create({"topic_id": self.topic.id, "title": "Nachtafsluiting"})
        )
        update.action_publish()
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("gov_topic_update_id", "=", update.id)])
        )
        self.assertNotIn(subscription.token, mail.headers)
        self.run_mail_queue()
        headers = self._headers(self._raw("ok@krant.example"))
        expected = (
            f"List-Unsubscribe: <{self.topic.get_base_url()}/gov/topics/"
            f"unsubscribe/{subscription.token}/one-click>\r\n"
        ).encode()
        self.assertIn(expected, headers)
        self.assertNotIn(b"=?utf-8?q?=3C", headers)

    def test_no_tracking_and_no_internal_ids_by_default(self):
        self._send(self._mailing())
        raw = self._raw("ok@krant.example")
        self.assertNotIn(b"X-Odoo-Objects", self._headers(raw))
        self.assertNotIn(
            b"res.partner-", self._headers(raw).replace(b"Message-Id", b"")
        )
        body = raw.decode()
        self.assertNotIn("/mail/track/", body)
        self.assertNotIn("/r/", body)
        self.assertIn("https://www.provincie.example/n201", body)

    def test_tracking_needs_a_purpose_and_then_tracks(self):
        with self.assertRaises(ValidationError):
            self.campaign.tracking_enabled = True
        self.campaign.write(
            {"tracking_enabled": True, "tracking_purpose": "Verbeteren van de inhoud"}
        )
        self._send(self._mailing())
        body = self._raw("ok@krant.example").decode()
        self.assertIn("/mail/track/", body)
        self.assertIn("/r/", body)

    def test_mailing_body_has_unsubscribe_link_in_the_readers_language(self):
        self.journalist.lang = "nl_NL"
        self.journalist_two.lang = "en_US"
        self._send(self._mailing())
        dutch = self.sink.parsed()
        by_to = {m["To"].addresses[0].addr_spec: m for m in dutch}
        nl_html = by_to["ok@krant.example"].get_body(("html",)).get_content()
        en_html = by_to["two@omroep.example"].get_body(("html",)).get_content()
        self.assertIn("/confirm_unsubscribe?", nl_html)
        self.assertIn("Afmelden", nl_html)
        self.assertIn("Unsubscribe", en_html)
        self.assertNotIn("Afmelden", en_html)

    def test_topic_update_footer_in_the_subscribers_language(self):
        self.journalist.lang = "nl_NL"
        self._subscribe_confirmed(self.journalist)
        self.env["gov.topic.update"].with_user(self.communication).create(
            {"topic_id": self.topic.id, "title": "Nachtafsluiting"}
        ).action_publish()
        self.run_mail_queue()
        (message,) = self.sink.parsed()
        html = message.get_body(("html",)).get_content()
        self.assertIn("Afmelden", html)
        self.assertNotIn("Unsubscribe<", html)

    def test_the_organisation_sends_not_the_employee(self):
        self._send(self._mailing())
        (message,) = self.sink.parsed()[:1]
        self.assertIn("communicatie@provincie.example", message["From"])
        self.assertNotIn("woordvoerder", message["From"])
        self.topic.email_from = "Provincie <nieuws@provincie.example>"
        self._subscribe_confirmed(self.journalist)
        self.sink.handler.messages.clear()
        self.env["gov.topic.update"].with_user(self.communication).create(
            {"topic_id": self.topic.id, "title": "Nachtafsluiting"}
        ).action_publish()
        self.run_mail_queue()
        (message,) = self.sink.parsed()
        self.assertIn("nieuws@provincie.example", message["From"])

    def test_bounces_go_to_the_alias_domain(self):
        domain = self.env["mail.alias.domain"].create(
            {"name": "provincie.example", "bounce_alias": "bounce"}
        )
        self.env.company.alias_domain_id = domain
        self._send(self._mailing())
        sent = self.sink.to("ok@krant.example")[0]
        self.assertEqual(sent["mail_from"], "bounce@provincie.example")
        self.assertIn(
            b"Return-Path: bounce@provincie.example", self._headers(sent["raw"])
        )


@tagged("post_install", "-at_install")
class TestSendingHonestly(GovDeliveryCase):
    """The queue starts at once, failures are retried and told, moments follow."""

    def _triggers(self, cron):
        return self.env["ir.cron.trigger"].sudo().search([("cron_id", "=", cron.id)])

    def test_sending_wakes_the_mail_queue(self):
        before = len(self._triggers(self.queue_cron))
        mailing = self._mailing()
        mailing.action_launch()
        mailing.action_send_mail()
        self.assertGreater(len(self._triggers(self.queue_cron)), before)
        before = len(self._triggers(self.queue_cron))
        self._subscribe_confirmed(self.journalist)
        self.env["gov.topic.update"].with_user(self.communication).create(
            {"topic_id": self.topic.id, "title": "Nachtafsluiting"}
        ).action_publish()
        self.assertGreater(len(self._triggers(self.queue_cron)), before)

    def test_topic_update_counts_what_left(self):
        self._subscribe_confirmed(self.journalist)
        self._subscribe_confirmed(self.journalist_two)
        update = (
            self.env["gov.topic.update"]
            .with_user(self.communication)
            .create({"topic_id": self.topic.id, "title": "Nachtafsluiting"})
        )
        update.action_publish()
        self.assertEqual(update.sent_count, 2)
        self.assertEqual((update.mail_queued_count, update.mail_sent_count), (2, 0))
        self.assertFalse(self._moments(update))
        self.run_mail_queue()
        update.invalidate_recordset()
        self.assertEqual((update.mail_queued_count, update.mail_sent_count), (0, 2))
        self.assertEqual(self._moments(update).partner_id, self.reachable_press)

    def test_moment_only_when_sent(self):
        mailing = self._mailing()
        mailing.action_launch()
        # The mail server is away: nothing leaves, no moment is logged.
        with self.sink_down():
            mailing.action_send_mail()
            self.run_mail_queue()
        self.assertFalse(self._moments(mailing))
        traces = mailing.mailing_trace_ids
        self.assertEqual(set(traces.mapped("trace_status")), {"outgoing"})
        self.run_mail_queue()
        self.assertEqual(self._moments(mailing).partner_id, self.reachable_press)
        self.assertEqual(set(traces.mapped("trace_status")), {"sent"})

    def test_transient_error_is_retried_with_back_off_then_sent_once(self):
        mailing = self._mailing(mailing_domain=f"[('id', '=', {self.journalist.id})]")
        mailing.action_launch()
        self.sink.handler.answers[:] = ["451 4.3.0 Mailbox busy, try later"]
        with self.assertLogs(MAIL_LOGGER, "ERROR"):
            mailing.action_send_mail()
        mail = self.env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id)])
        self.assertEqual(mail.state, "outgoing")
        self.assertEqual(mail.gov_attempt_count, 1)
        self.assertIn("451", mail.failure_reason)
        self.assertGreater(mail.scheduled_date, mailing.sent_date)
        self.assertTrue(
            self._triggers(self.queue_cron).filtered(
                lambda t: t.call_at == mail.scheduled_date
            )
        )
        self.assertEqual(mailing.mailing_trace_ids.trace_status, "outgoing")
        # Not yet due: the queue leaves it.
        self.run_mail_queue(due_now=False)
        self.assertFalse(self.sink.messages)
        self.run_mail_queue()
        self.assertEqual(len(self.sink.to("ok@krant.example")), 1)
        self.assertEqual(mailing.mailing_trace_ids.trace_status, "sent")
        self.assertEqual(len(self._moments(mailing)), 1)

    def test_final_error_shows_failed_with_the_reason_and_retry_sends_once(self):
        mailing = self._mailing(mailing_domain=f"[('id', '=', {self.journalist.id})]")
        mailing.action_launch()
        self.sink.handler.answers[:] = ["554 5.7.1 Message rejected by policy"]
        with self.assertLogs(MAIL_LOGGER, "ERROR"):
            mailing.action_send_mail()
        mail = self.env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id)])
        self.assertEqual(mail.state, "exception")
        self.assertIn("Message rejected by policy", mail.failure_reason)
        trace = mailing.mailing_trace_ids
        self.assertEqual(trace.trace_status, "error")
        self.assertIn("Message rejected by policy", trace.failure_reason)
        mailing.invalidate_recordset(["failed"])
        self.assertEqual(mailing.failed, 1)
        self.assertFalse(self._moments(mailing))
        # Retry (the button shows on a done mailing with failures).
        self.assertEqual(mailing.state, "done")
        mailing.action_retry_failed()
        self.assertEqual(mailing.state, "in_queue")
        mailing.action_send_mail()  # what the mailing queue does
        self.run_mail_queue()
        self.assertEqual(len(self.sink.to("ok@krant.example")), 1)
        self.assertEqual(mailing.mailing_trace_ids.trace_status, "sent")
        self.assertEqual(len(self._moments(mailing)), 1)

    def test_retries_end_in_a_visible_failure(self):
        mailing = self._mailing(mailing_domain=f"[('id', '=', {self.journalist.id})]")
        mailing.action_launch()
        self.sink.handler.answers[:] = ["451 4.3.0 try later"] * 5
        with self.assertLogs(MAIL_LOGGER, "ERROR"):
            mailing.action_send_mail()
            for _attempt in range(4):
                self.run_mail_queue()
        mail = self.env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id)])
        self.assertEqual(mail.state, "exception")
        self.assertIn("451", mail.failure_reason)
        self.assertEqual(mailing.mailing_trace_ids.trace_status, "error")
        self.assertFalse(self.sink.messages)

    def test_server_dies_mid_send_exactly_once(self):
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"Lezer {i}",
                    "email": f"lezer{i}@example.nl",
                    "category_id": [(6, 0, self.tag.ids)],
                    "gov_party_type": "press",
                }
                for i in range(6)
            ]
        )
        mailing = self._mailing(mailing_domain=f"[('id', 'in', {partners.ids})]")
        mailing.action_launch()
        self.sink.handler.close_after = 2
        with self.assertLogs(MAIL_LOGGER, "ERROR"):
            mailing.action_send_mail()
        self.assertEqual(len(self.sink.messages), 2)
        mails = self.env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id)])
        in_flight = mails.filtered("gov_attempt_count")
        self.assertEqual(len(in_flight), 1)
        self.assertEqual(in_flight.state, "outgoing")
        self.assertIn("closed the connection", in_flight.failure_reason)
        self.assertNotIn("Error without exception", str(mails.mapped("failure_reason")))
        self.assertFalse(mails.filtered(lambda m: m.state == "exception"))
        self.assertEqual(mailing.failed, 0)
        self.run_mail_queue()
        for partner in partners:
            self.assertEqual(len(self.sink.to(partner.email)), 1, partner.email)
        self.assertEqual(
            set(mailing.mailing_trace_ids.mapped("trace_status")), {"sent"}
        )
        moments = self._moments(mailing)
        self.assertEqual(len(moments), 6)
        self.assertEqual(moments.partner_id, partners)

    def test_delivered_mails_are_deleted_once_the_batch_is_sent(self):
        # Deleting waits for the end of the batch (throughput), but happens.
        mailing = self._mailing()
        mailing.action_launch()
        mailing.action_send_mail()
        self.run_mail_queue()
        mails = self.env["mail.mail"].sudo().search([("mailing_id", "=", mailing.id)])
        self.assertFalse(mails)
        self.assertEqual(
            set(mailing.mailing_trace_ids.mapped("trace_status")), {"sent"}
        )
        moments = self._moments(mailing)
        self.assertEqual(moments.partner_id, self.reachable_press)
        self.assertEqual(len(moments), len(self.reachable_press))

    def test_sms_moment_when_the_provider_took_it(self):
        provider = SmsProvider(self.env, accept={"+31612345678"})
        self.campaign.audience_domain = self.tag_domain
        mailing = self._mailing(mailing_domain=self.tag_domain)
        mailing.action_launch()
        mailing.action_send_mail()
        self.assertFalse(self._moments(mailing, "sms"))
        texts = self._sms_to(self.expected["sms"]).with_context(sms_api=provider)
        texts._send(unlink_sent=False)
        # The one the provider refused is no contact; the other is.
        self.assertEqual(self._moments(mailing, "sms").partner_id, self.by_sms)
        refused = self._sms_to(self.sms_no_email)
        self.assertEqual(refused.state, "error")
        # Sending again logs nothing twice.
        texts.write({"state": "outgoing"})
        texts._send(unlink_sent=False)
        self.assertEqual(len(self._moments(mailing, "sms")), 1)


class SmsProvider(SmsApiBase):
    """A provider that takes the numbers in ``accept`` and refuses others."""

    def __init__(self, env, accept):
        super().__init__(env)
        self.accept = accept

    def _send_sms_batch(self, messages, delivery_reports_url=False):
        return [
            {
                "uuid": number["uuid"],
                "state": "success"
                if number["number"] in self.accept
                else "wrong_number_format",
            }
            for message in messages
            for number in message["numbers"]
        ]


@tagged("post_install", "-at_install")
class TestCampaignOverRpc(GovDeliveryCase):
    def test_action_start_returns_a_value(self):
        campaign = self.Campaign.create({"name": "Over RPC"})
        self.assertIs(campaign.action_start(), True)
        self.assertIs(campaign.action_done(), True)

    def test_mailing_for_campaign_without_subject(self):
        mailing = (
            self.env["mailing.mailing"]
            .with_user(self.communication)
            .create(
                {
                    "gov_campaign_id": self.campaign.id,
                    "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "body_html": "<p>Tekst</p>",
                }
            )
        )
        self.assertEqual(mailing.subject, "Zomerwerkzaamheden")
        self.assertIn("communicatie@provincie.example", mailing.email_from)
