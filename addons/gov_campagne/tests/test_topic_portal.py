from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTopicPortal(HttpCase):
    """A subscriber with a portal account sees and stops their own topics."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env,
            "gov_topic_portal",
            groups="base.group_portal",
            email="portal.volger@example.nl",
        )
        cls.other = cls.env["res.partner"].create(
            {"name": "Iemand Anders", "email": "anders@example.nl"}
        )
        Topic = cls.env["gov.topic"]
        cls.published = Topic.create({"name": "Windpark Noord", "published": True})
        # Added by staff to a topic that is not on the public page.
        cls.unpublished = Topic.create({"name": "Herinrichting Markt"})
        Subscription = cls.env["gov.topic.subscription"]
        cls.own = Subscription._subscribe(
            cls.published, cls.portal_user.partner_id, "web"
        )
        cls.own._confirm("web")
        cls.own_staff = Subscription._subscribe(
            cls.unpublished, cls.portal_user.partner_id, "staff"
        )
        cls.others = Subscription._subscribe(cls.published, cls.other, "web")

    def setUp(self):
        super().setUp()
        self.authenticate("gov_topic_portal", "gov_topic_portal")

    def url_open(self, *args, **kwargs):
        self.env.flush_all()
        response = super().url_open(*args, **kwargs)
        self.env.invalidate_all()
        return response

    def _withdraw(self, subscription):
        return self.url_open(
            f"/my/topics/{subscription.id}/withdraw",
            data={"csrf_token": http.Request.csrf_token(self)},
        )

    def test_home_links_to_topics(self):
        response = self.url_open("/my")
        self.assertEqual(response.status_code, 200)
        self.assertIn('href="/my/topics"', response.text)

    def test_own_topics_only(self):
        response = self.url_open("/my/topics")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Windpark Noord", response.text)
        self.assertIn("Herinrichting Markt", response.text)
        self.assertEqual(response.text.count("o_gov_my_topic"), 2)

    def test_withdraw_own_not_others(self):
        response = self._withdraw(self.others)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.others.state, "pending")
        self._withdraw(self.own)
        self.assertEqual(self.own.state, "withdrawn")
        log = self.env["gov.topic.consent.log"].search(
            [("subscription_id", "=", self.own.id), ("action", "=", "withdraw")]
        )
        self.assertEqual((log.source, log.user_id), ("web", self.portal_user))
        response = self.url_open("/my/topics")
        self.assertEqual(response.text.count("o_gov_my_topic"), 1)
