from odoo.exceptions import UserError
from odoo.tests import tagged

from .topic_common import GovTopicCase


@tagged("post_install", "-at_install")
class TestTopicSubscription(GovTopicCase):
    def _confirmation_mails(self, subscription):
        return self.env["mail.mail"].search(
            [("model", "=", subscription._name), ("res_id", "=", subscription.id)]
        )

    def test_subscribe_is_pending_and_mails_confirmation_link(self):
        subscription = self.Subscription._subscribe_by_email(
            self.topic, "Burger", "Burger@Example.NL", "web", "192.0.2.7"
        )
        # The existing relation with that address is used, not duplicated.
        self.assertEqual(subscription.partner_id, self.citizen)
        self.assertEqual(subscription.state, "pending")
        self.assertFalse(subscription.confirmed_at)
        self.assertGreaterEqual(len(subscription.token), 40)
        mail = self._confirmation_mails(subscription)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.citizen)
        # The stored mail hides the token (staff read it); the mail that
        # leaves carries it (see test_security_tokens).
        self.assertNotIn(subscription.token, str(mail.body_html))
        self.assertIn("/gov/topics/confirm/hidden", str(mail.body_html))
        outgoing = mail._prepare_outgoing_list()
        self.assertIn(f"/gov/topics/confirm/{subscription.token}", outgoing[0]["body"])
        log = self._logs(subscription)
        self.assertEqual(log.mapped("action"), ["subscribe"])
        self.assertEqual(log.source, "web")
        self.assertEqual(log.ip, "192.0.2.7")
        self.assertEqual(log.email, "burger@example.nl")
        self.assertTrue(log.date)

    def test_dutch_confirmation_mail_also_hides_the_token(self):
        """The Dutch template is the translation of the same mail: it must use
        the hidden link too (it once kept the real one), and be Dutch."""
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["gov_campagne"], ["nl_NL"], overwrite=True
        )
        self.citizen.lang = "nl_NL"
        subscription = self.Subscription._subscribe_by_email(
            self.topic, "Burger", "burger@example.nl", "web"
        )
        mail = self._confirmation_mails(subscription)
        self.assertIn("Mijn aanmelding bevestigen", str(mail.body_html))
        self.assertNotIn(subscription.token, str(mail.body_html))
        self.assertIn("/gov/topics/confirm/hidden", str(mail.body_html))
        outgoing = mail._prepare_outgoing_list()
        self.assertIn(f"/gov/topics/confirm/{subscription.token}", outgoing[0]["body"])

    def test_unknown_address_creates_one_relation(self):
        Partner = self.env["res.partner"].with_context(active_test=False)
        first = self.Subscription._subscribe_by_email(
            self.topic, "Nieuwe Volger", "volger@example.nl", "web"
        )
        again = self.Subscription._subscribe_by_email(
            self.topic, "Nieuwe Volger", "VOLGER@example.nl", "web"
        )
        self.assertEqual(first, again)
        self.assertEqual(first.partner_id.name, "Nieuwe Volger")
        # The form does not flood a mailbox: no second mail within minutes.
        self.assertEqual(len(self._confirmation_mails(first)), 1)
        first.write({"confirmation_sent_at": "2020-01-01 00:00:00"})
        self.Subscription._subscribe_by_email(
            self.topic, "Nieuwe Volger", "volger@example.nl", "web"
        )
        self.assertEqual(len(self._confirmation_mails(first)), 2)
        self.assertEqual(
            Partner.search_count([("email_normalized", "=", "volger@example.nl")]), 1
        )

    def test_invalid_address_is_refused(self):
        with self.assertRaises(UserError):
            self.Subscription._subscribe_by_email(self.topic, "X", "geen-mail", "web")
        self.assertFalse(self.Subscription.search([("topic_id", "=", self.topic.id)]))

    def test_confirm_once_then_harmless(self):
        subscription = self.Subscription._subscribe(self.topic, self.journalist, "web")
        self.assertEqual(subscription._confirm("web", "192.0.2.8"), subscription)
        self.assertEqual(subscription.state, "confirmed")
        self.assertTrue(subscription.confirmed_at)
        self.assertFalse(subscription._confirm("web"))
        self.assertEqual(
            self._logs(subscription).mapped("action"), ["subscribe", "confirm"]
        )

    def test_withdraw_and_subscribe_again(self):
        subscription = self._subscribe_confirmed(self.journalist)
        old_token = subscription.token
        subscription.with_user(self.communication).action_withdraw()
        self.assertEqual(subscription.state, "withdrawn")
        self.assertTrue(subscription.withdrawn_at)
        withdraw = self._logs(subscription)[-1]
        self.assertEqual((withdraw.action, withdraw.source), ("withdraw", "staff"))
        self.assertEqual(withdraw.user_id, self.communication)
        # A withdrawn subscription is not confirmed again by an old link.
        self.assertFalse(subscription._confirm("web"))
        again = self.Subscription._subscribe(self.topic, self.journalist, "web")
        self.assertEqual(again, subscription)
        self.assertEqual(again.state, "pending")
        self.assertNotEqual(again.token, old_token)
        self.assertFalse(again.withdrawn_at)
        self.assertEqual(
            self._logs(subscription).mapped("action"),
            ["subscribe", "confirm", "withdraw", "subscribe"],
        )

    def test_import_of_confirmed_consent_is_logged(self):
        subscription = self.env["gov.topic.subscription"].create(
            {
                "topic_id": self.topic.id,
                "partner_id": self.journalist_two.id,
                "state": "confirmed",
                "source": "import",
            }
        )
        self.assertTrue(subscription.confirmed_at)
        logs = self._logs(subscription)
        self.assertEqual(logs.mapped("action"), ["subscribe", "confirm"])
        self.assertEqual(set(logs.mapped("source")), {"import"})

    def test_consent_fields_change_only_through_the_log(self):
        subscription = self.Subscription._subscribe(self.topic, self.journalist, "web")
        with self.assertRaises(UserError):
            subscription.write({"state": "confirmed"})
        with self.assertRaises(UserError):
            subscription.write({"partner_id": self.journalist_two.id})
        log = self._logs(subscription)
        with self.assertRaises(UserError):
            log.write({"action": "withdraw"})
        with self.assertRaises(UserError):
            log.unlink()

    def test_one_subscription_per_topic_and_relation(self):
        self.Subscription._subscribe(self.topic, self.journalist, "web")
        self.assertEqual(self.topic.pending_count, 1)
        self.Subscription._subscribe(self.topic, self.journalist, "web")
        self.assertEqual(self.topic.pending_count, 1)
        self._subscribe_confirmed(self.journalist_two)
        self.topic.invalidate_recordset()
        self.assertEqual(self.topic.subscriber_count, 1)
        self.assertEqual(self.topic.pending_count, 1)
