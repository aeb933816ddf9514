import re

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .. import webform


@tagged("post_install", "-at_install")
class TestWebformValidation(HttpCase):
    """The pure validation of webform.py, without a browser."""

    def test_clean_values(self):
        values, errors = webform.clean_submission(
            {
                "name": "  Piet   Jansen ",
                "email": "Piet@Example.NL",
                "phone": "+31 20 123 4567",
                "postcode": "1234ab",
                "question": " Where is my permit? ",
                "subject_id": "7",
            },
            {7},
        )
        self.assertEqual(errors, {})
        self.assertEqual(values["name"], "Piet Jansen")
        self.assertEqual(values["email"], "piet@example.nl")
        self.assertEqual(values["postcode"], "1234 AB")
        self.assertEqual(values["subject_id"], 7)

    def test_bad_input(self):
        _values, errors = webform.clean_submission(
            {
                "email": "not-an-address",
                "phone": "call me",
                "postcode": "0123 AB",
                "question": "x" * (webform.MAX_QUESTION + 1),
                "subject_id": "8",
            },
            {7},
        )
        self.assertEqual(
            errors,
            {
                "name": "required",
                "email": "invalid",
                "phone": "invalid",
                "postcode": "invalid",
                "question": "too_long",
                "subject_id": "required",
            },
        )
        self.assertTrue(webform.is_spam({webform.HONEYPOT_FIELD: "http://spam"}))
        self.assertFalse(webform.is_spam({webform.HONEYPOT_FIELD: " "}))


@tagged("post_install", "-at_install")
class TestWebformHttp(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subject = cls.env["helpdesk.ticket.category"].create(
            {"name": "Waste collection", "gov_web_form": True}
        )
        cls.hidden = cls.env["helpdesk.ticket.category"].create(
            {"name": "Internal audit", "gov_web_form": False}
        )
        cls.known = cls.env["res.partner"].create(
            {"name": "Karin Smit", "email": "karin@example.org"}
        )
        cls.Ticket = cls.env["helpdesk.ticket"]

    def _post(self, **overrides):
        page = self.url_open("/loket/vraag")
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        data = {
            "csrf_token": token,
            "name": "Karin Smit",
            "email": "KARIN@example.org",
            "phone": "06 1234 5678",
            "postcode": "3511 ab",
            "subject_id": str(self.subject.id),
            "question": "When is the paper bin\nemptied in my street?",
        }
        data.update(overrides)
        return self.url_open("/loket/vraag/verzenden", data=data)

    def _tickets(self):
        return self.Ticket.search([("category_id", "in", self.subject.ids)])

    def test_form_lists_published_subjects(self):
        page = self.url_open("/loket/vraag")
        self.assertIn("Waste collection", page.text)
        self.assertNotIn("Internal audit", page.text)

    def test_good_submission_creates_request(self):
        response = self._post()
        self.assertEqual(response.status_code, 200)
        ticket = self._tickets()
        self.assertEqual(len(ticket), 1)
        self.assertIn(ticket.number, response.text)
        # A known address is only suggested; the Loket links it after checking
        # (see test_security_public_forms).
        self.assertFalse(ticket.partner_id)
        self.assertEqual(ticket.gov_possible_partner_id, self.known)
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )
        self.assertIn("emptied in my street", ticket.description)
        self.assertFalse(ticket.contact_moment_ids)
        ticket.action_gov_link_possible_partner()
        moment = ticket.contact_moment_ids
        self.assertEqual((moment.channel, moment.direction), ("web_form", "inbound"))
        self.assertEqual(moment.partner_id, self.known)
        self.assertFalse(moment.user_id, "no employee had this contact")

    def test_submissions_only_for_functional_administrators(self):
        self._post()
        submission = self.env["gov.loket.webform.submission"].search(
            [("email", "=", "karin@example.org")]
        )
        self.assertEqual(submission.ticket_id, self._tickets())
        front_desk = new_test_user(
            self.env, "webform_front_desk", groups="gov_loket.group_front_desk"
        )
        with self.assertRaises(AccessError):
            submission.with_user(front_desk).read(["email"])
        manager = new_test_user(
            self.env, "webform_manager", groups="gov_loket.group_manager"
        )
        self.assertEqual(submission.with_user(manager).email, "karin@example.org")

    def test_unknown_sender_becomes_new_relation(self):
        self._post(name="Joost de Boer", email="joost@example.org")
        partner = self._tickets().partner_id
        self.assertNotEqual(partner, self.known)
        self.assertEqual(partner.name, "Joost de Boer")
        self.assertEqual(partner.zip, "3511 AB")

    def test_bad_input_rerenders_with_input(self):
        response = self._post(postcode="99999", subject_id=str(self.hidden.id))
        self.assertEqual(response.status_code, 400)
        self.assertIn("This is not a Dutch postcode", response.text)
        self.assertIn("Please choose a subject", response.text)
        self.assertIn('value="Karin Smit"', response.text)
        self.assertIn("emptied in my street", response.text)
        self.assertFalse(self._tickets())

    def test_honeypot_creates_nothing(self):
        response = self._post(**{webform.HONEYPOT_FIELD: "http://buy.example"})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._tickets())

    def test_rate_limit_per_address(self):
        Submission = self.env["gov.loket.webform.submission"]
        Submission.create(
            [{"email": "karin@example.org", "ip_address": "192.0.2.1"}] * 5
        )
        response = self._post()
        self.assertEqual(response.status_code, 429)
        self.assertIn("several questions in the last hour", response.text)
        self.assertFalse(self._tickets())
        response = self._post(email="other@example.org")
        self.assertEqual(response.status_code, 200)

    def test_bsn_in_question_masked_and_stored_on_new_relation(self):
        self._post(
            name="Joost de Boer",
            email="joost@example.org",
            question="Mijn BSN is 123456782.\nWanneer wordt de bak geleegd?",
        )
        ticket = self._tickets()
        self.assertNotIn("123456782", ticket.description)
        self.assertNotIn("123456782", ticket.name)
        self.assertIn("*****6782", ticket.description)
        self.assertEqual(ticket.partner_id.sudo().bsn, "123456782")
        log = self.env["gov.processing.log"].search(
            [("partner_id", "=", ticket.partner_id.id)]
        )
        self.assertEqual((log.activity, log.origin), ("record_bsn", "web_form"))
        for message in ticket.message_ids:
            self.assertNotIn("123456782", message.body or "")

    def test_bsn_typed_with_a_known_address_not_stored(self):
        self._post(question="Mijn BSN is 123456782, klopt mijn adres?")
        ticket = self._tickets()
        self.assertIn("*****6782", ticket.description)
        self.assertFalse(self.known.sudo().bsn)
