from odoo import http
from odoo.tests import tagged

from .public_common import PublicVisitorCase


@tagged("post_install", "-at_install")
class TestTopicPages(PublicVisitorCase):
    """The public pages as a visitor without an account uses them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Topic = cls.env["gov.topic"]
        cls.topic = Topic.create(
            {
                "name": "Dijkversterking Oost",
                "description": "<p>Werk aan de dijk.</p>",
                "published": True,
            }
        )
        cls.hidden_topic = Topic.create({"name": "Concept programma"})
        cls.Subscription = cls.env["gov.topic.subscription"]
        cls.Log = cls.env["gov.topic.consent.log"]

    def _post(self, url, **data):
        return self.url_open(
            url, data={"csrf_token": http.Request.csrf_token(self), **data}
        )

    def _subscribe(self, email="bewoner@dijk.example"):
        return self._post(
            "/gov/topics/subscribe",
            topic_id=self.topic.id,
            name="Bewoner Dijk",
            email=email,
        )

    def _subscription(self, email="bewoner@dijk.example"):
        return self.Subscription.search(
            [("topic_id", "=", self.topic.id), ("partner_id.email", "=", email)]
        )

    def _actions(self, subscription):
        return self.Log.search(
            [("subscription_id", "=", subscription.id)], order="id"
        ).mapped("action")

    def test_list_shows_published_topics_only(self):
        response = self.url_open("/gov/topics")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Dijkversterking Oost", response.text)
        self.assertIn("Werk aan de dijk.", response.text)
        self.assertNotIn("Concept programma", response.text)

    def test_double_opt_in(self):
        response = self._subscribe()
        self.assertEqual(response.status_code, 200)
        self.assertIn("Check your mailbox", response.text)
        subscription = self._subscription()
        self.assertEqual(subscription.state, "pending")
        self.assertEqual(subscription.source, "web")
        self.assertEqual(subscription.partner_id.name, "Bewoner Dijk")
        log = self.Log.search([("subscription_id", "=", subscription.id)])
        self.assertEqual(log.ip, "127.0.0.1")
        url = f"/gov/topics/confirm/{subscription.token}"
        # Opening the link (as a mail scanner would) does not give consent.
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Confirm your subscription", response.text)
        self.assertEqual(subscription.state, "pending")
        response = self._post(url)
        self.assertIn("o_gov_topic_confirmed", response.text)
        self.assertEqual(subscription.state, "confirmed")
        # A second confirmation is harmless.
        response = self._post(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_gov_topic_confirmed", response.text)
        self.assertEqual(self._actions(subscription), ["subscribe", "confirm"])

    def test_subscribing_twice_makes_no_duplicates(self):
        self._subscribe()
        self._subscribe(email="BEWONER@dijk.example")
        Partner = self.env["res.partner"]
        self.assertEqual(
            Partner.search_count([("email_normalized", "=", "bewoner@dijk.example")]), 1
        )
        self.assertEqual(len(self._subscription()), 1)

    def test_bad_input_changes_nothing(self):
        response = self._subscribe(email="geen adres")
        self.assertEqual(response.status_code, 400)
        self.assertIn("valid e-mail address", response.text)
        response = self._post(
            "/gov/topics/subscribe",
            topic_id=self.hidden_topic.id,
            name="X",
            email="x@dijk.example",
        )
        self.assertEqual(response.status_code, 400)
        for topic_id in ("99999999999999", "abc", ""):
            response = self._post(
                "/gov/topics/subscribe", topic_id=topic_id, email="x@dijk.example"
            )
            self.assertEqual(response.status_code, 400, topic_id)
            self.assertIn("cannot be followed", response.text)
        response = self.url_open(
            "/gov/topics/subscribe",
            data={"topic_id": self.topic.id, "email": "nocsrf@dijk.example"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.Subscription.search([("topic_id", "!=", False)]))

    def test_unsubscribe(self):
        self._subscribe()
        subscription = self._subscription()
        subscription._confirm("web")
        url = f"/gov/topics/unsubscribe/{subscription.token}"
        response = self.url_open(url)
        self.assertIn("Do you no longer want", response.text)
        self.assertEqual(subscription.state, "confirmed")
        response = self._post(url)
        self.assertIn("o_gov_topic_withdrawn", response.text)
        self.assertEqual(subscription.state, "withdrawn")
        self.assertEqual(
            self._actions(subscription), ["subscribe", "confirm", "withdraw"]
        )

    def test_one_click_unsubscribe_without_csrf(self):
        self._subscribe()
        subscription = self._subscription()
        subscription._confirm("web")
        response = self.url_open(
            f"/gov/topics/unsubscribe/{subscription.token}/one-click",
            data={"List-Unsubscribe": "One-Click"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(subscription.state, "withdrawn")

    def test_bad_token_gives_a_clear_page(self):
        for url in (
            "/gov/topics/confirm/" + "x" * 43,
            "/gov/topics/unsubscribe/" + "y" * 43,
            "/gov/topics/confirm/kort",
            "/gov/topics/unsubscribe/%3Cscript%3E",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404, url)
            self.assertIn("o_gov_topic_bad_link", response.text)
            self.assertNotIn("Traceback", response.text)
        response = self._post("/gov/topics/confirm/" + "x" * 43)
        self.assertEqual(response.status_code, 404)
        response = self.url_open(
            "/gov/topics/unsubscribe/" + "z" * 43 + "/one-click", data={"a": "b"}
        )
        self.assertEqual(response.status_code, 404)
