from datetime import timedelta
from unittest.mock import patch

import odoo
from odoo import fields, http
from odoo.addons.gov_addressbook import public_input
from odoo.addons.gov_addressbook.models.gov_public_form_submission import (
    PARAM_LIMIT_PER_CLIENT,
    PARAM_LIMIT_PER_EMAIL,
)
from odoo.tests import tagged

from .public_common import PublicVisitorCase

SPOOFED = {"X-Forwarded-Host": "gemeente.example"}


@tagged("post_install", "-at_install")
class TestPublicFormsSecurity(PublicVisitorCase):
    """Topic subscribe and event registration as an anonymous visitor attacks
    them (issue 11, item 6): lengths, control characters, honeypot, rate limits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.topic = cls.env["gov.topic"].create(
            {"name": "Dijkversterking Oost", "published": True}
        )
        begin = fields.Datetime.now() + timedelta(days=10)
        cls.event = cls.env["event.event"].create(
            {
                "name": "Inloopavond N201",
                "date_begin": begin,
                "date_end": begin + timedelta(hours=3),
                "gov_published": True,
            }
        )
        cls.Subscription = cls.env["gov.topic.subscription"]
        cls.Registration = cls.env["event.registration"]
        cls.Submission = cls.env["gov.public.form.submission"]

    def _subscribe(self, headers=None, **data):
        values = {
            "topic_id": self.topic.id,
            "name": "Bewoner Dijk",
            "email": "bewoner@dijk.example",
            **data,
        }
        return self.url_open(
            "/gov/topics/subscribe",
            data={"csrf_token": http.Request.csrf_token(self), **values},
            headers=headers,
        )

    def _register(self, headers=None, **data):
        values = {"name": "Nieuwe Inwoner", "email": "nieuw@dorp.example", **data}
        return self.url_open(
            f"/gov/evenementen/{self.event.id}",
            data={"csrf_token": http.Request.csrf_token(self), **values},
            headers=headers,
        )

    def _subscriptions(self):
        return self.Subscription.search([("topic_id", "=", self.topic.id)])

    def _registrations(self):
        return self.Registration.search([("event_id", "=", self.event.id)])

    def _partners_like(self, text):
        return self.env["res.partner"].search(
            ["|", ("name", "=like", f"{text}%"), ("email", "=like", f"{text}%")]
        )

    # ------------------------------------------------------------------
    # Lengths
    # ------------------------------------------------------------------

    def test_topic_subscribe_limits_lengths(self):
        cases = [
            ({"name": "x" * 100_000}, "name is too long: at most 120"),
            ({"email": "x" * 300 + "@dijk.example"}, "e-mail address is too long"),
        ]
        for data, message in cases:
            with self.subTest(field=list(data)):
                response = self._subscribe(**data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertLess(len(response.text), 40_000)
        self.assertFalse(self._subscriptions())
        self.assertFalse(self._partners_like("xxxxxxxxxx"))

    def test_event_registration_limits_lengths(self):
        cases = [
            ({"name": "x" * 100_000}, "name is too long: at most 120"),
            ({"email": "x" * 300 + "@dorp.example"}, "e-mail address is too long"),
            ({"phone": "0" * 100}, "phone number is too long"),
        ]
        for data, message in cases:
            with self.subTest(field=list(data)):
                response = self._register(**data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                self.assertIn("o_gov_event_error", response.text)
                self.assertLess(len(response.text), 40_000)
        self.assertFalse(self._registrations())
        self.assertFalse(self._partners_like("xxxxxxxxxx"))

    # ------------------------------------------------------------------
    # Control characters: a 400 with a message, never a 500
    # ------------------------------------------------------------------

    def test_control_characters_give_400(self):
        for char in ("\x00", "\x08", "\u202e"):
            for field in ("name", "email"):
                value = f"bewoner{char}@dijk.example" if field == "email" else char
                with self.subTest(form="topic", field=field, char=repr(char)):
                    response = self._subscribe(**{field: value})
                    self.assertEqual(response.status_code, 400)
                    self.assertIn("control characters", response.text)
                    self.assertNotIn(char, response.text)
            for field in ("name", "email", "phone"):
                value = f"nieuw{char}@dorp.example" if field == "email" else char
                with self.subTest(form="event", field=field, char=repr(char)):
                    response = self._register(**{field: value})
                    self.assertEqual(response.status_code, 400)
                    self.assertIn("control characters", response.text)
                    self.assertNotIn(char, response.text)
        response = self.url_open(f"/gov/evenementen/{self.event.id}?name=a%00b")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("\x00", response.text)
        self.assertFalse(self._subscriptions())
        self.assertFalse(self._registrations())

    # ------------------------------------------------------------------
    # Honeypot
    # ------------------------------------------------------------------

    def test_topic_honeypot_subscribes_nobody(self):
        response = self._subscribe(**{public_input.HONEYPOT_FIELD: "http://spam"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Check your mailbox", response.text)
        self.assertFalse(self._subscriptions())
        self.assertFalse(
            self.env["res.partner"].search([("email", "=", "bewoner@dijk.example")])
        )
        page = self.url_open("/gov/topics")
        self.assertIn(f'name="{public_input.HONEYPOT_FIELD}"', page.text)

    # ------------------------------------------------------------------
    # Rate limits
    # ------------------------------------------------------------------

    def test_limit_per_email_address(self):
        self.env["ir.config_parameter"].set_param(PARAM_LIMIT_PER_EMAIL, "2")
        for _n in range(2):
            self.assertEqual(self._subscribe().status_code, 200)
            self.assertEqual(self._register().status_code, 200)
        response = self._subscribe(email="BEWONER@dijk.example")
        self.assertEqual(response.status_code, 429)
        self.assertIn("used several times in the last hour", response.text)
        response = self._register(email="Nieuw@dorp.example")
        self.assertEqual(response.status_code, 429)
        self.assertIn("used several times in the last hour", response.text)
        # Another address is still welcome.
        self.assertEqual(self._subscribe(email="buur@dijk.example").status_code, 200)
        self.assertEqual(self._register(email="buur@dorp.example").status_code, 200)

    def test_many_citizens_behind_one_address_are_not_locked_out(self):
        for n in range(8):
            email = f"lezer{n}@bibliotheek.example"
            self.assertEqual(self._subscribe(email=email).status_code, 200, n)
            self.assertEqual(self._register(email=email).status_code, 200, n)
        self.assertEqual(len(self._subscriptions()), 8)
        self.assertEqual(len(self._registrations()), 8)

    def test_limit_per_client_ignores_a_spoofed_forwarded_for(self):
        self.env["ir.config_parameter"].set_param(PARAM_LIMIT_PER_CLIENT, "3")
        with patch.dict(odoo.tools.config.options, {"proxy_mode": False}):
            for n in range(3):
                headers = {**SPOOFED, "X-Forwarded-For": f"203.0.113.{n}"}
                email = f"robot{n}@dorp.example"
                self.assertEqual(self._subscribe(headers, email=email).status_code, 200)
                self.assertEqual(self._register(headers, email=email).status_code, 200)
            headers = {**SPOOFED, "X-Forwarded-For": "203.0.113.99"}
            response = self._subscribe(headers, email="robot9@dorp.example")
            self.assertEqual(response.status_code, 429)
            self.assertIn("many times from your network", response.text)
            response = self._register(headers, email="robot9@dorp.example")
            self.assertEqual(response.status_code, 429)
            self.assertIn("many times from your network", response.text)
        self.assertEqual(len(self._subscriptions()), 3)
        self.assertEqual(len(self._registrations()), 3)
        self.assertEqual(
            set(self.Submission.search([]).mapped("ip_address")), {"127.0.0.1"}
        )

    def test_forwarded_client_counts_in_proxy_mode(self):
        self.env["ir.config_parameter"].set_param(PARAM_LIMIT_PER_CLIENT, "1")
        with patch.dict(odoo.tools.config.options, {"proxy_mode": True}):
            for n in range(3):
                headers = {
                    **SPOOFED,
                    # Only the entry the proxy appended (the last) counts.
                    "X-Forwarded-For": f"198.51.100.7, 2001:db8:{n}::1",
                }
                email = f"burger{n}@dorp.example"
                self.assertEqual(self._subscribe(headers, email=email).status_code, 200)
                self.assertEqual(self._register(headers, email=email).status_code, 200)
        self.assertEqual(
            set(self.Submission.search([]).mapped("ip_address")),
            {"2001:db8::/64", "2001:db8:1::/64", "2001:db8:2::/64"},
        )

    def test_messages_in_the_visitors_language(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["gov_campagne"], ["nl_NL"], overwrite=True
        )
        self.opener.cookies.set("frontend_lang", "nl_NL")
        response = self._register(name="x" * 121)
        self.assertEqual(response.status_code, 400)
        self.assertIn("Uw naam is te lang: maximaal 120 tekens.", response.text)
        response = self._subscribe(name="a\x00b")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Het formulier bevat stuurtekens", response.text)
