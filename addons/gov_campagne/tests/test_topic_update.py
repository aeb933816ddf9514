import ast

from odoo.exceptions import UserError
from odoo.tests import tagged

from .smtp_sink import GovSmtpSinkMixin
from .topic_common import GovTopicCase


@tagged("post_install", "-at_install")
class TestTopicUpdate(GovSmtpSinkMixin, GovTopicCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Confirmed, but not all of them may be approached.
        for partner in (
            cls.journalist,
            cls.do_not_contact,
            cls.deceased,
            cls.blacklisted,
            cls.no_email,
        ):
            cls._subscribe_confirmed(partner)
        # Pending and withdrawn subscriptions never receive updates.
        cls.Subscription._subscribe(cls.topic, cls.journalist_two, "web")
        cls._subscribe_confirmed(cls.citizen)._withdraw("web")
        # A subscriber of another topic only.
        cls._subscribe_confirmed(cls.journalist_two, cls.hidden_topic)
        cls.Update = cls.env["gov.topic.update"].with_user(cls.communication)

    def _update(self, topic=None):
        return self.Update.create(
            {
                "topic_id": (topic or self.topic).id,
                "title": "Nachtafsluiting N201",
                "body": "<p>Dinsdagnacht is de weg dicht.</p>",
            }
        )

    def _moments(self, update):
        return self.Moment.search(
            [("res_model", "=", "gov.topic.update"), ("res_id", "=", update.id)]
        )

    def test_only_confirmed_contactable_subscribers_receive(self):
        update = self._update()
        self.assertEqual(update.recipient_count, 1)
        update.action_publish()
        self.assertEqual(update.state, "published")
        self.assertTrue(update.published_at)
        self.assertEqual(update.published_by_id, self.communication)
        self.assertEqual(update.sent_count, 1)
        # The moment is logged when the mail leaves, not when it is queued.
        self.assertFalse(self._moments(update))
        self.run_mail_queue()
        moments = self._moments(update)
        self.assertEqual(moments.partner_id, self.journalist)
        self.assertEqual(
            (moments.channel, moments.direction, moments.subject),
            ("email", "outbound", "Nachtafsluiting N201"),
        )
        self.assertGreaterEqual(moments.occurred_at, update.published_at)
        self.assertEqual(moments.user_id, self.communication)

    def test_every_message_carries_its_unsubscribe_link(self):
        update = self._update()
        update.action_publish()
        mail = self.env["mail.mail"].search([("subject", "=", "Nachtafsluiting N201")])
        self.assertEqual(len(mail), 1)
        self.assertIn("ok@krant.example", mail.email_to)
        subscription = self.Subscription.search(
            [("topic_id", "=", self.topic.id), ("partner_id", "=", self.journalist.id)]
        )
        link = f"/gov/topics/unsubscribe/{subscription.token}"
        # Stored with the token hidden, sent with it (see test_security_tokens).
        self.assertNotIn(subscription.token, str(mail.body_html))
        self.assertNotIn(subscription.token, mail.headers)
        self.assertIn("/gov/topics/unsubscribe/hidden", str(mail.body_html))
        self.assertIn("Dinsdagnacht", str(mail.body_html))
        self.assertIn("List-Unsubscribe", ast.literal_eval(mail.headers))
        (outgoing,) = mail._prepare_outgoing_list()
        self.assertIn(link, outgoing["body"])
        headers = outgoing["headers"]
        self.assertTrue(headers["List-Unsubscribe"].endswith(f"{link}/one-click>"))
        self.assertEqual(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")

    def test_campaign_audience_on_topic_subscribers(self):
        campaign = self.Campaign.create(
            {
                "name": "Volgers N201",
                "audience_domain": str(
                    [
                        (
                            "gov_topic_subscription_ids",
                            "any",
                            [
                                ("topic_id", "=", self.topic.id),
                                ("state", "=", "confirmed"),
                            ],
                        )
                    ]
                ),
            }
        )
        # Confirmed: journalist, do-not-contact, deceased, blacklisted, no e-mail.
        self.assertEqual(campaign.audience_total_count, 5)
        self.assertEqual(campaign._get_audience_partners(), self.journalist)

    def test_published_once(self):
        update = self._update()
        update.action_publish()
        with self.assertRaises(UserError):
            update.action_publish()
        self.run_mail_queue()
        self.run_mail_queue()
        self.assertEqual(len(self._moments(update)), 1)
        self.assertEqual(len(self.sink.messages), 1)

    def test_publishing_does_not_query_per_recipient(self):
        Partner = self.env["res.partner"]

        def queries_for(count):
            topic = self.Topic.create({"name": f"Batch {count}"})
            partners = Partner.create(
                [
                    {"name": f"Volger {count}-{i}", "email": f"v{count}.{i}@x.example"}
                    for i in range(count)
                ]
            )
            for partner in partners:
                self._subscribe_confirmed(partner, topic)
            update = self._update(topic)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            update.action_publish()
            self.env.flush_all()
            self.assertEqual(update.sent_count, count)
            return self.cr.sql_log_count - before

        queries_for(2)  # warm the caches first
        self.assertEqual(queries_for(3), queries_for(10))
