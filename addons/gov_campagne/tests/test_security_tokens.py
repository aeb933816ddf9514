"""Issue 11, item 4: the subscription token is a secret to staff too.

The token of the confirmation and unsubscribe links proves the subscriber's
own act. Staff read the stored copies of the mails (mail.message, through the
subscription) and the chatter; none of those may hold it. Only the mail that
leaves for the subscriber carries it. The tests look as a reader would: over
the ORM with a staff user's own rights.
"""

import ast

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .. import topic_links
from .topic_common import GovTopicCase


@tagged("post_install", "-at_install")
class TestTopicTokenSecrecy(GovTopicCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = new_test_user(
            cls.env, "gov_topic_token_employee", groups="base.group_user"
        )
        # Every staff persona that may read subscriptions or their mails.
        cls.staff = (cls.reader, cls.communication, cls.privacy_officer, cls.employee)

    def _stored_mails(self, subscription):
        return self.env["mail.mail"].search(
            [("model", "=", subscription._name), ("res_id", "=", subscription.id)]
        )

    def _outgoing(self, mail, partner):
        """The e-mail as handed to the mail server, for ``partner``."""
        emails = mail._prepare_outgoing_list()
        mine = [
            email
            for email in emails
            if email["partner_id"] == partner
            or partner.email_normalized in (email["email_to_normalized"] or [])
        ]
        self.assertEqual(len(mine), 1)
        return mine[0]

    def assertTokenNowhereForStaff(self, subscription, token):
        """No staff user finds ``token`` in anything they can read, and the
        system keeps no stored copy of it outside the token field."""
        self.env.flush_all()
        for user in self.staff:
            Message = self.env["mail.message"].with_user(user)
            for field in ("body", "subject"):
                self.assertFalse(
                    Message.search([(field, "ilike", token)]), (user.login, field)
                )
            # What the user does see of this subscription's mails: no token.
            seen = Message.search(
                [("model", "=", subscription._name), ("res_id", "=", subscription.id)]
            )
            self.assertNotIn(token, str(seen.read(["body", "subject"])), user.login)
            # The mail queue and the token itself stay closed.
            with self.assertRaises(AccessError):
                self.env["mail.mail"].with_user(user).search([])
            with self.assertRaises(AccessError):
                subscription.with_user(user).read(["token"])
            with self.assertRaises(AccessError):
                self.env["gov.topic.subscription"].with_user(user).search(
                    [("token", "=", token)]
                )
        # No stored copy at all: the mail queue, the messages, the
        # notifications and the tracking hold the hidden link only.
        self.assertFalse(
            self.env["mail.mail"].search(
                ["|", ("body_html", "ilike", token), ("headers", "ilike", token)]
            )
        )
        self.assertFalse(self.env["mail.message"].search([("body", "ilike", token)]))
        notifications = self.env["mail.notification"].search([])
        self.assertNotIn(token, str(notifications.read(["failure_reason"])))
        self.assertFalse(
            self.env["mail.tracking.value"].search(
                [
                    "|",
                    ("old_value_char", "ilike", token),
                    ("new_value_char", "ilike", token),
                ]
            )
        )

    def test_hidden_token_is_no_link(self):
        self.assertFalse(topic_links.is_wellformed_token(topic_links.HIDDEN_TOKEN))
        self.assertEqual(
            topic_links.reveal("https://x.example/gov/topics/confirm/hidden", "T" * 43),
            "https://x.example/gov/topics/confirm/" + "T" * 43,
        )

    def test_confirmation_link_only_in_the_outgoing_mail(self):
        subscription = self.Subscription._subscribe_by_email(
            self.topic, "Burger", "burger@example.nl", "web", "192.0.2.7"
        )
        token = subscription.token
        mail = self._stored_mails(subscription)
        self.assertEqual(len(mail), 1)
        self.assertTokenNowhereForStaff(subscription, token)
        # The stored copy, which staff read through the message, hides it.
        self.assertIn("/gov/topics/confirm/hidden", mail.body_html)
        self.assertIn(
            "/gov/topics/confirm/hidden",
            self.env["mail.message"]
            .with_user(self.communication)
            .browse(mail.mail_message_id.id)
            .body,
        )
        # The mail that leaves for the subscriber carries the real link.
        outgoing = self._outgoing(mail, self.citizen)
        self.assertIn(f"/gov/topics/confirm/{token}", outgoing["body"])
        self.assertIn(f"/gov/topics/confirm/{token}", outgoing["body_alternative"])
        # After the send the remaining records hold no token either.
        mail.send()
        self.assertTokenNowhereForStaff(subscription, token)

    def test_resend_by_staff_hides_the_token_as_well(self):
        subscription = self.Subscription._subscribe(self.topic, self.journalist, "web")
        subscription.with_user(self.communication).action_send_confirmation()
        self.assertTrue(self._stored_mails(subscription))
        self.assertTokenNowhereForStaff(subscription, subscription.token)

    def test_token_only_towards_the_subscribers_own_mailbox(self):
        subscription = self.Subscription._subscribe(self.topic, self.journalist, "web")
        token = subscription.token
        body = "<p><a href='/gov/topics/confirm/hidden'>confirm</a></p>"
        Mail = self.env["mail.mail"]
        base = {
            "model": subscription._name,
            "res_id": subscription.id,
            "subject": "Forged",
            "body_html": body,
        }
        # A mail about the subscription that would reach a staff mailbox, by
        # address, as a partner or in copy, never gets the token.
        forged = Mail.create(
            [
                {**base, "email_to": self.communication.email},
                {**base, "recipient_ids": [(4, self.communication.partner_id.id)]},
                {
                    **base,
                    "email_to": self.journalist.email,
                    "email_cc": self.communication.email,
                },
            ]
        )
        for mail in forged:
            for email in mail._prepare_outgoing_list():
                self.assertNotIn(token, email["body"])
                self.assertIn("/gov/topics/confirm/hidden", email["body"])
        own = Mail.create({**base, "email_to": self.journalist.email})
        self.assertIn(token, own._prepare_outgoing_list()[0]["body"])

    def test_update_unsubscribe_link_only_in_the_outgoing_mail(self):
        subscription = self._subscribe_confirmed(self.journalist)
        token = subscription.token
        update = (
            self.env["gov.topic.update"]
            .with_user(self.communication)
            .create({"topic_id": self.topic.id, "title": "Nieuws N201"})
        )
        update.action_publish()
        mail = self.env["mail.mail"].search([("subject", "=", "Nieuws N201")])
        self.assertEqual(len(mail), 1)
        self.assertTokenNowhereForStaff(subscription, token)
        self.assertIn("/gov/topics/unsubscribe/hidden", mail.body_html)
        # The update's chatter, which every reader of the update sees.
        chatter = update.with_user(self.communication).message_ids
        self.assertTrue(chatter)
        self.assertNotIn(token, str(chatter.read(["body"])))
        outgoing = self._outgoing(mail, self.journalist)
        link = f"/gov/topics/unsubscribe/{token}"
        self.assertIn(link, outgoing["body"])
        self.assertTrue(
            outgoing["headers"]["List-Unsubscribe"].endswith(f"{link}/one-click>")
        )
        # The stored headers keep the hidden link.
        self.assertNotIn(token, mail.headers)
        self.assertIn("hidden", ast.literal_eval(mail.headers)["List-Unsubscribe"])


@tagged("post_install", "-at_install")
class TestConsentServerFlags(GovTopicCase):
    """The consent guard and the consent IP are the server's, not the caller's."""

    def test_context_key_does_not_open_the_consent_guard(self):
        subscription = self.Subscription._subscribe(self.topic, self.journalist, "web")
        as_staff = subscription.with_user(self.communication).with_context(
            gov_consent_write=True
        )
        with self.assertRaises(UserError):
            as_staff.write({"state": "confirmed"})
        with self.assertRaises(UserError):
            as_staff.write({"confirmed_at": "2030-01-01 00:00:00", "source": "web"})
        with self.assertRaises(UserError):
            as_staff.write({"partner_id": self.journalist_two.id})
        self.assertEqual(subscription.state, "pending")
        self.assertEqual(self._logs(subscription).mapped("action"), ["subscribe"])
        # The consent methods themselves still work.
        subscription._confirm("web")
        self.assertEqual(subscription.state, "confirmed")

    def test_context_key_does_not_set_the_consent_ip(self):
        subscription = (
            self.env["gov.topic.subscription"]
            .with_user(self.communication)
            .with_context(gov_consent_ip="203.0.113.66")
            .create({"topic_id": self.topic.id, "partner_id": self.journalist.id})
        )
        log = self._logs(subscription)
        self.assertEqual(log.mapped("action"), ["subscribe"])
        self.assertFalse(log.ip)
        # What the public page saw is still logged.
        web = self.Subscription._subscribe(
            self.topic, self.journalist_two, "web", "192.0.2.9"
        )
        self.assertEqual(self._logs(web).ip, "192.0.2.9")

    def test_staff_cannot_choose_the_token(self):
        with self.assertRaises(AccessError):
            self.env["gov.topic.subscription"].with_user(self.communication).create(
                {
                    "topic_id": self.topic.id,
                    "partner_id": self.journalist.id,
                    "token": "A" * 43,
                }
            )
