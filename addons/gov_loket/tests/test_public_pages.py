import re

from odoo.addons.gov_addressbook.tests.accessibility import (
    AccessibilityChecks,
    make_organisation_dutch,
)
from odoo.tests import HttpCase, tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestLoketPublicPages(AccessibilityChecks, GovLoketCase, HttpCase):
    """The web form and the satisfaction page: Dutch by default, accessible."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # As ./gov create makes it: the organisation's language is Dutch.
        make_organisation_dutch(cls.env, ["web", "gov_addressbook", "gov_loket"])
        cls.env.company.write({"name": "Gemeente Voorbeeld", "city": "Utrecht"})
        cls.web_subject = cls.env["helpdesk.ticket.category"].create(
            {"name": "Afval", "gov_web_form": True}
        )

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def url_open(self, *args, **kwargs):
        self.env.flush_all()
        response = super().url_open(*args, **kwargs)
        self.env.invalidate_all()
        return response

    def test_web_form_is_dutch_with_the_organisation_and_english_on_request(self):
        page = self.url_open("/loket/vraag").text
        self.assertIn('<html lang="nl-NL"', page)
        self.assertIn("Stel uw vraag", page)
        self.assertIn(
            "Gemeente Voorbeeld", re.search(r"<header.*?</header>", page, re.S)[0]
        )
        self.assertIn(
            "Gemeente Voorbeeld", re.search(r"<footer.*?</footer>", page, re.S)[0]
        )
        self.assertIn('href="/en/loket/vraag"', page)
        english = self.url_open("/en/loket/vraag").text
        self.assertIn('<html lang="en-US"', english)
        self.assertIn("Ask your question", english)

    def test_web_form_meets_wcag_aa_empty_wrong_and_sent(self):
        self.assert_accessible("/loket/vraag")
        self.assert_accessible(
            "/loket/vraag", submit="form.o_gov_loket_webform", values={"email": "x"}
        )
        self.assert_accessible(
            "/loket/vraag",
            submit="form.o_gov_loket_webform",
            values={
                "name": "Karin Smit",
                "email": "karin@example.org",
                "subject_id": str(self.web_subject.id),
                "question": "Wanneer wordt de papierbak geleegd?",
            },
        )

    def test_satisfaction_page_meets_wcag_aa(self):
        ticket = self._new_ticket(self.front_desk)
        ticket.with_user(self.front_desk).action_answer(
            "Uw vergunning gaat maandag in.", "email"
        )
        ticket.invalidate_recordset()
        link = ticket.sudo()._gov_satisfaction_url()[len(ticket.get_base_url()) :]
        self.assertIn('<html lang="nl-NL"', self.url_open(link).text)
        self.assert_accessible(link)
        self.assert_accessible(link, submit="form", values={"score": "2"})
