import re
from unittest.mock import patch

import odoo
from odoo.addons.gov_addressbook.models.gov_public_form_submission import (
    PARAM_LIMIT_PER_CLIENT,
)
from odoo.tests import HttpCase, new_test_user, tagged

from .. import webform
from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestWebformSecurity(HttpCase, GovLoketCase):
    """The public web form as an anonymous visitor attacks it (issue 11, item 6)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.helpdesk_mgmt_ticket_auto_assign = True
        cls.env.company.email = "loket@gemeente.test"
        cls.team_web = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Web questions",
                "user_ids": [(6, 0, (cls.employee | cls.colleague).ids)],
                "gov_assign_method": "round_robin",
            }
        )
        cls.subject = cls.env["helpdesk.ticket.category"].create(
            {
                "name": "Waste collection",
                "gov_web_form": True,
                "team_id": cls.team_web.id,
            }
        )
        cls.subject_no_team = cls.env["helpdesk.ticket.category"].create(
            {"name": "Other questions", "gov_web_form": True}
        )
        cls.portal = new_test_user(
            cls.env,
            "loket_portal_karin",
            groups="base.group_portal",
            name="Karin Smit",
            email="karin@example.org",
        )
        cls.known = cls.portal.partner_id
        cls.subjects = cls.subject | cls.subject_no_team

    def url_open(self, *args, **kwargs):
        # The server shares this test's transaction: hand it our pending
        # writes first, and read what it changed afterwards.
        self.env.flush_all()
        response = super().url_open(*args, **kwargs)
        self.env.invalidate_all()
        return response

    def _post(self, headers=None, **overrides):
        page = self.url_open("/loket/vraag")
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        data = {
            "csrf_token": token,
            "name": "Piet de Vries",
            "email": "piet@example.org",
            "phone": "06 1234 5678",
            "postcode": "3511 ab",
            "subject_id": str(self.subject.id),
            "question": "When is the paper bin\nemptied in my street?",
        }
        data.update(overrides)
        return self.url_open("/loket/vraag/verzenden", data=data, headers=headers)

    def _tickets(self):
        return self.Ticket.search([("category_id", "in", self.subjects.ids)])

    # ------------------------------------------------------------------
    # Lengths and control characters
    # ------------------------------------------------------------------

    def test_every_text_field_has_a_maximum_length(self):
        cases = [
            # The e-mail address that used to be accepted: 100,012 characters.
            ("email", "a" * 100_000 + "@example.org", "e-mail address is too long"),
            ("name", "n" * (webform.MAX_NAME + 1), "name is too long"),
            ("phone", "0" * (webform.MAX_PHONE + 1), "not a valid phone number"),
            ("postcode", "1" * (webform.MAX_POSTCODE + 1), "not a Dutch postcode"),
            ("question", "q" * (webform.MAX_QUESTION + 1), "at most 5000 characters"),
            # More digits than Python turns into an int (a 500 before).
            ("subject_id", "1" * 5000, "Please choose a subject"),
        ]
        for field, value, message in cases:
            with self.subTest(field=field):
                response = self._post(**{field: value})
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
                # A flood is not echoed back in full.
                self.assertLess(len(response.text), 40_000)
        self.assertFalse(self._tickets())
        self.assertFalse(
            self.env["res.partner"].search([("email", "=like", "aaaaaaaaaa%")])
        )

    def test_control_characters_give_400_not_500(self):
        for field in ("name", "email", "phone", "postcode", "question", "subject_id"):
            for char in ("\x00", "\x1b", "\u202e"):
                with self.subTest(field=field, char=repr(char)):
                    value = f"piet{char}@example.org" if field == "email" else char
                    response = self._post(**{field: value})
                    self.assertEqual(response.status_code, 400)
                    self.assertIn("control characters", response.text)
                    self.assertNotIn(char, response.text)
        self.assertFalse(self._tickets())

    def test_what_held_still_holds(self):
        response = self.url_open(
            "/loket/vraag/verzenden",
            data={"name": "Piet", "email": "piet@example.org", "question": "Q"},
        )
        self.assertEqual(response.status_code, 400, "no CSRF token")
        response = self._post(**{webform.HONEYPOT_FIELD: "http://buy.example"})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._tickets())

    # ------------------------------------------------------------------
    # Someone else's e-mail address
    # ------------------------------------------------------------------

    def test_known_address_is_only_a_suggestion(self):
        self.env["ir.config_parameter"].set_param(
            "gov_loket.status_mail_default", "True"
        )
        response = self._post(name="Karin Smit", email="KARIN@example.org")
        self.assertEqual(response.status_code, 200)
        ticket = self._tickets()
        self.assertEqual(len(ticket), 1)
        self.assertFalse(ticket.partner_id, "an address typed is no identity")
        self.assertEqual(ticket.gov_possible_partner_id, self.known)
        self.assertEqual(
            (ticket.partner_name, ticket.partner_email),
            ("Karin Smit", "karin@example.org"),
        )
        self.assertEqual(ticket.gov_webform_phone, "06 1234 5678")
        self.assertNotIn(self.known, ticket.message_partner_ids)
        # Not in Karin's portal, not on her timeline, no status mail to her.
        self.assertFalse(
            self.Ticket.with_user(self.portal).search([("id", "=", ticket.id)])
        )
        self.assertFalse(
            self.env["gov.contact.moment"].search([("partner_id", "=", self.known.id)])
        )
        in_progress = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        ticket.with_user(self.front_desk).write({"stage_id": in_progress.id})
        self.assertFalse(self._mails_to(ticket, self.known))
        self.authenticate(self.portal.login, self.portal.login)
        response = self.url_open("/my/tickets")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(ticket.number, response.text)
        # The Loket checks and links: now it is hers.
        ticket.with_user(self.front_desk).action_gov_link_possible_partner()
        self.assertEqual(ticket.partner_id, self.known)
        moment = ticket.contact_moment_ids
        self.assertEqual((moment.partner_id, moment.channel), (self.known, "web_form"))
        self.assertFalse(moment.user_id, "no employee had this contact")
        self.assertEqual(
            self.Ticket.with_user(self.portal).search([("id", "=", ticket.id)]), ticket
        )
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        ticket.with_user(self.front_desk).write({"stage_id": done.id})
        self.assertTrue(self._mails_to(ticket, self.known))

    def test_not_hers_gets_a_new_relation(self):
        self._post(name="Kees Smit", email="karin@example.org", postcode="1234ab")
        ticket = self._tickets()
        self.assertFalse(ticket.partner_id)
        ticket.with_user(self.front_desk).action_gov_webform_new_partner()
        self.assertNotEqual(ticket.partner_id, self.known)
        self.assertEqual(
            (ticket.partner_id.name, ticket.partner_id.zip), ("Kees Smit", "1234 AB")
        )
        self.assertEqual(self.known.name, "Karin Smit", "the known relation unchanged")

    def _mails_to(self, ticket, partner):
        self.env.flush_all()
        self.env.cr.precommit.run()
        return self.env["mail.mail"].search(
            [
                ("model", "=", ticket._name),
                ("res_id", "=", ticket.id),
                ("recipient_ids", "in", partner.ids),
            ]
        )

    # ------------------------------------------------------------------
    # Routing
    # ------------------------------------------------------------------

    def test_routed_like_any_request_never_to_the_public_user(self):
        public = self.env.ref("base.public_user")
        self._post()
        self._post(email="jan@example.org", subject_id=str(self.subject_no_team.id))
        routed = self._tickets().filtered(lambda t: t.category_id == self.subject)
        unrouted = self._tickets() - routed
        self.assertEqual(routed.team_id, self.team_web)
        self.assertIn(routed.user_id, self.employee | self.colleague)
        self.assertFalse(unrouted.user_id, "left for the team, not the public user")
        self.assertNotIn(public, self._tickets().mapped("user_id"))

    # ------------------------------------------------------------------
    # Rate limits and the client address
    # ------------------------------------------------------------------

    def test_many_citizens_behind_one_address_are_not_locked_out(self):
        for n in range(8):
            response = self._post(email=f"bezoeker{n}@bibliotheek.example")
            self.assertEqual(response.status_code, 200, n)
        self.assertEqual(len(self._tickets()), 8)

    def test_limit_per_client_address_ignores_a_spoofed_forwarded_for(self):
        self.env["ir.config_parameter"].set_param(PARAM_LIMIT_PER_CLIENT, "3")
        with patch.dict(odoo.tools.config.options, {"proxy_mode": False}):
            for n in range(3):
                headers = {
                    "X-Forwarded-For": f"203.0.113.{n}",
                    "X-Forwarded-Host": "loket.example",
                }
                response = self._post(headers, email=f"robot{n}@example.org")
                self.assertEqual(response.status_code, 200, n)
            headers = {
                "X-Forwarded-For": "203.0.113.99",
                "X-Forwarded-Host": "loket.example",
            }
            response = self._post(headers, email="robot9@example.org")
        self.assertEqual(response.status_code, 429)
        self.assertIn("several questions in the last hour", response.text)
        submissions = self.env["gov.loket.webform.submission"].search([])
        self.assertEqual(set(submissions.mapped("ip_address")), {"127.0.0.1"})

    def test_forwarded_client_address_counts_in_proxy_mode(self):
        self.env["ir.config_parameter"].set_param(PARAM_LIMIT_PER_CLIENT, "1")
        with patch.dict(odoo.tools.config.options, {"proxy_mode": True}):
            for n in range(3):
                headers = {
                    # A visitor's own entry first, the proxy's appended last:
                    # only the last one is taken.
                    "X-Forwarded-For": f"198.51.100.7, 203.0.113.{n}",
                    "X-Forwarded-Host": "loket.example",
                }
                response = self._post(headers, email=f"burger{n}@example.org")
                self.assertEqual(response.status_code, 200, n)
        submissions = self.env["gov.loket.webform.submission"].search([])
        self.assertEqual(
            set(submissions.mapped("ip_address")),
            {"203.0.113.0", "203.0.113.1", "203.0.113.2"},
        )
