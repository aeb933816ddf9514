from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .topic_common import GovTopicCase


@tagged("post_install", "-at_install")
class TestTopicAccess(GovTopicCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subscription = cls._subscribe_confirmed(cls.journalist)
        cls.log = cls.Log.search([("subscription_id", "=", cls.subscription.id)])
        cls.employee = cls.env["res.users"].create(
            {
                "name": "Gewone medewerker",
                "login": "gov_topic_plain_employee",
                "group_ids": [(6, 0, cls.env.ref("base.group_user").ids)],
            }
        )

    def test_communication_manages_topics_and_updates(self):
        topic = self.Topic.create({"name": "Omgevingsvisie"})
        topic.write({"published": True})
        subscription = (
            self.env["gov.topic.subscription"]
            .with_user(self.communication)
            .create({"topic_id": topic.id, "partner_id": self.journalist.id})
        )
        self.assertEqual(subscription.source, "staff")
        subscription.action_send_confirmation()
        subscription.action_withdraw()
        self.assertEqual(subscription.state, "withdrawn")
        update = (
            self.env["gov.topic.update"]
            .with_user(self.communication)
            .create({"topic_id": self.topic.id, "title": "Nieuws"})
        )
        update.action_publish()
        self.assertEqual(update.sent_count, 1)
        self.assertEqual(
            len(self.log.with_user(self.communication).read(["action"])), 2
        )

    def test_reader_reads_but_changes_nothing(self):
        topic = self.topic.with_user(self.reader)
        self.assertEqual(topic.subscriber_count, 1)
        self.assertEqual(topic.subscription_ids.partner_id, self.journalist)
        with self.assertRaises(AccessError):
            self.env["gov.topic"].with_user(self.reader).create({"name": "Nee"})
        with self.assertRaises(AccessError):
            topic.write({"published": False})
        with self.assertRaises(AccessError):
            self.env["gov.topic.update"].with_user(self.reader).create(
                {"topic_id": self.topic.id, "title": "Nee"}
            )
        with self.assertRaises(AccessError):
            self.subscription.with_user(self.reader).action_withdraw()
        # The token of the public links is for the system only.
        with self.assertRaises(AccessError):
            self.subscription.with_user(self.reader).read(["token"])
        with self.assertRaises(AccessError):
            self.log.with_user(self.reader).read(["action"])

    def test_consent_log_for_privacy_officer_never_writable(self):
        log = self.log.with_user(self.privacy_officer)
        self.assertEqual(set(log.mapped("action")), {"subscribe", "confirm"})
        with self.assertRaises(AccessError):
            self.env["gov.topic.consent.log"].with_user(self.privacy_officer).create(
                {"action": "confirm", "date": "2030-01-01", "source": "web"}
            )
        with self.assertRaises(AccessError):
            self.env["gov.topic.consent.log"].with_user(self.communication).create(
                {"action": "confirm", "date": "2030-01-01", "source": "web"}
            )
        for user in (self.privacy_officer, self.communication):
            with self.assertRaises(UserError):
                self.log.with_user(user).write({"source": "import"})
            with self.assertRaises(UserError):
                self.log.with_user(user).unlink()
        self.assertEqual(
            {(line.action, line.source) for line in self.log},
            {("subscribe", "staff"), ("confirm", "web")},
        )

    def test_others_see_published_topics_only(self):
        Topic = self.env["gov.topic"].with_user(self.employee)
        self.assertIn(self.topic, Topic.search([]))
        self.assertNotIn(self.hidden_topic, Topic.search([]))
        public = self.env.ref("base.public_user")
        Topic = self.env["gov.topic"].with_user(public)
        self.assertEqual(Topic.search([("id", "=", self.hidden_topic.id)]).ids, [])
        with self.assertRaises(AccessError):
            self.env["gov.topic.subscription"].with_user(public).search([])
