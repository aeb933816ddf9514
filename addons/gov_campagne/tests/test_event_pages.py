from datetime import timedelta

from odoo import fields, http
from odoo.tests import tagged

from .public_common import PublicVisitorCase


@tagged("post_install", "-at_install")
class TestEventPages(PublicVisitorCase):
    """The public event page as a visitor without an account uses it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        begin = fields.Datetime.now() + timedelta(days=10)
        dates = {"date_begin": begin, "date_end": begin + timedelta(hours=3)}
        cls.campaign = cls.env["gov.campaign"].create({"name": "Inspraak N201"})
        Event = cls.env["event.event"]
        cls.event = Event.create(
            {
                **dates,
                "name": "Inloopavond N201",
                "gov_published": True,
                "gov_campaign_id": cls.campaign.id,
            }
        )
        cls.other_event = Event.create(
            {**dates, "name": "Fietsdag", "gov_published": True}
        )
        cls.hidden_event = Event.create({**dates, "name": "Intern overleg"})
        past = fields.Datetime.now() - timedelta(days=3)
        cls.past_event = Event.create(
            {
                "name": "Oude avond",
                "date_begin": past,
                "date_end": past + timedelta(hours=2),
                "gov_published": True,
            }
        )
        cls.known = cls.env["res.partner"].create(
            {"name": "Bekende Inwoner", "email": "bekend@dorp.example"}
        )
        cls.Registration = cls.env["event.registration"]

    def _register(self, event=None, **data):
        values = {"name": "Nieuwe Inwoner", "email": "nieuw@dorp.example", **data}
        return self.url_open(
            f"/gov/evenementen/{(event or self.event).id}",
            data={"csrf_token": http.Request.csrf_token(self), **values},
        )

    def _registrations(self, event=None):
        return self.Registration.search([("event_id", "=", (event or self.event).id)])

    def test_list_shows_published_upcoming_events_only(self):
        response = self.url_open("/gov/evenementen")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Inloopavond N201", response.text)
        self.assertIn("Fietsdag", response.text)
        self.assertNotIn("Intern overleg", response.text)
        self.assertNotIn("Oude avond", response.text)

    def test_unpublished_ended_or_unknown_event_not_found(self):
        for event_id in (self.hidden_event.id, self.past_event.id, 0, 2**40):
            response = self.url_open(f"/gov/evenementen/{event_id}")
            self.assertEqual(response.status_code, 404, event_id)
            self.assertIn("o_gov_event_not_found", response.text)
        response = self._register(self.hidden_event)
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self._registrations(self.hidden_event))

    def test_register_new_visitor_creates_citizen_and_moment(self):
        response = self.url_open(f"/gov/evenementen/{self.event.id}")
        self.assertIn("o_gov_event_form", response.text)
        response = self._register(phone="+31 6 1234 5678")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_gov_event_registered", response.text)
        registration = self._registrations()
        self.assertEqual(len(registration), 1)
        self.assertEqual(registration.state, "open")
        partner = registration.partner_id
        self.assertEqual(
            (partner.name, partner.email, partner.gov_party_type, partner.phone),
            ("Nieuwe Inwoner", "nieuw@dorp.example", "citizen", "+31 6 1234 5678"),
        )
        moment = self.env["gov.contact.moment"].search(
            [("partner_id", "=", partner.id), ("res_model", "=", "event.event")]
        )
        self.assertEqual(
            (moment.channel, moment.direction, moment.res_id),
            ("web_form", "inbound", self.event.id),
        )

    def test_register_matches_relation_by_email_without_changing_it(self):
        response = self._register(name="Iemand Anders", email="BEKEND@dorp.example")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self._registrations().partner_id, self.known)
        self.assertEqual(self.known.name, "Bekende Inwoner")
        # Registering twice gives the same answer, not a second registration.
        response = self._register(email="bekend@dorp.example")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(self._registrations()), 1)

    def test_bad_input_refused_with_message(self):
        cases = [
            ({"email": "geen-adres"}, "valid e-mail address"),
            ({"name": "  "}, "Enter your name"),
            ({"phone": "bel me <script>"}, "phone number"),
        ]
        for data, message in cases:
            response = self._register(**data)
            self.assertEqual(response.status_code, 400, data)
            self.assertIn(message, response.text)
            self.assertIn("o_gov_event_error", response.text)
        self.assertFalse(self._registrations())
        self.assertFalse(
            self.env["res.partner"].search([("email", "=", "nieuw@dorp.example")])
        )

    def test_honeypot_registers_nothing(self):
        response = self._register(website_url="http://spam.example")
        self.assertEqual(response.status_code, 200)
        self.assertIn("o_gov_event_registered", response.text)
        self.assertFalse(self._registrations())

    def test_rate_limit_per_address(self):
        self.Registration.create(
            [
                {
                    "event_id": self.other_event.id,
                    "name": f"Gast {n}",
                    "email": "veel@dorp.example",
                }
                for n in range(5)
            ]
        )
        response = self._register(email="Veel@dorp.example")
        self.assertEqual(response.status_code, 400)
        self.assertIn("try again in an hour", response.text)
        self.assertFalse(self._registrations())
        # Another address is still welcome.
        self.assertEqual(self._register().status_code, 200)

    def test_closed_event_refuses_registration(self):
        self.event.write({"seats_limited": True, "seats_max": 1})
        self.Registration.create(
            {"event_id": self.event.id, "partner_id": self.known.id}
        )
        response = self.url_open(f"/gov/evenementen/{self.event.id}")
        self.assertIn("o_gov_event_closed", response.text)
        self.assertNotIn("o_gov_event_form", response.text)
        response = self._register()
        self.assertEqual(response.status_code, 400)
        self.assertIn("closed", response.text)
        self.assertEqual(len(self._registrations()), 1)

    def test_errors_in_the_visitors_language(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["gov_campagne"], ["nl_NL"], overwrite=True
        )
        self.opener.cookies.set("frontend_lang", "nl_NL")
        response = self._register(email="geen-adres")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Vul een geldig e-mailadres in.", response.text)
        self.assertIn("Aanmelden", response.text)
