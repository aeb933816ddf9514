import re
from datetime import datetime, timedelta

from odoo.addons.gov_addressbook.tests.accessibility import (
    AccessibilityChecks,
    make_organisation_dutch,
)
from odoo.tests import tagged

from .public_common import PublicVisitorCase


@tagged("post_install", "-at_install")
class TestCampagnePublicPages(AccessibilityChecks, PublicVisitorCase):
    """Topics, press room and events: Dutch by default, with Dutch dates, the
    organisation's name, and WCAG 2.1 AA in every state a visitor meets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # As ./gov create makes it: the organisation's language is Dutch.
        make_organisation_dutch(cls.env, ["web", "gov_addressbook", "gov_campagne"])
        cls.env.company.write({"name": "Provincie Voorbeeld"})
        cls.topic = cls.env["gov.topic"].create(
            {
                "name": "Dijkversterking Oost",
                "description": "<p>Werk aan de dijk.</p>",
                "published": True,
            }
        )
        begin = datetime(2031, 2, 1, 13, 0)
        cls.event = cls.env["event.event"].create(
            {
                "name": "Inloopavond dijk",
                "date_begin": begin,
                "date_end": begin + timedelta(hours=3),
                "date_tz": "Europe/Amsterdam",
                "gov_published": True,
            }
        )
        tag = cls.env["res.partner.category"].create({"name": "Pers toegankelijk"})
        cls.env["res.partner"].create(
            {
                "name": "Journalist Dijk",
                "email": "dijk@krant.example",
                "gov_party_type": "press",
                "category_id": [(6, 0, tag.ids)],
            }
        )
        campaign = cls.env["gov.campaign"].create(
            {"name": "Dijk", "audience_domain": f"[('category_id', 'in', [{tag.id}])]"}
        )
        cls.release = cls.env["gov.press.release"].create(
            {
                "campaign_id": campaign.id,
                "title": "Dijk wordt sterker",
                "body": "<p>Het werk begint in maart.</p>",
                "embargo_at": datetime(2030, 3, 2, 10, 0),
            }
        )
        cls.release.action_schedule()
        cls.env["gov.press.release"]._cron_send_due(now=datetime(2030, 3, 2, 10, 0))

    def test_pages_are_dutch_with_dutch_dates_and_english_on_request(self):
        self.assertEqual(self.release.state, "sent")
        for url in ("/gov/topics", "/gov/pers", "/gov/evenementen"):
            page = self.url_open(url).text
            self.assertIn('<html lang="nl-NL"', page, url)
            header = re.search(r"<header.*?</header>", page, re.S)[0]
            self.assertIn("Provincie Voorbeeld", header, url)
        self.assertIn("Blijf op de hoogte", self.url_open("/gov/topics").text)
        # 1 February 2031 at 14:00 in Amsterdam, the Dutch way.
        events = self.url_open("/gov/evenementen").text
        self.assertIn("01-02-2031 14:00", events)
        self.assertNotIn("02/01/2031", events)
        self.assertIn("02-03-2030", self.url_open("/gov/pers").text)
        english = self.url_open("/en/gov/evenementen").text
        self.assertIn('<html lang="en-US"', english)
        self.assertIn("02/01/2031", english)

    def test_every_public_page_meets_wcag_aa(self):
        self.assertEqual(self.release.state, "sent")
        for url in (
            "/gov/topics",
            "/gov/pers",
            self.release.public_url,
            "/gov/evenementen",
            f"/gov/evenementen/{self.event.id}",
            "/gov/evenementen/999999",
        ):
            self.assert_accessible(url)

    def test_form_answers_meet_wcag_aa(self):
        subscribe = "form[action='/gov/topics/subscribe']"
        self.assert_accessible("/gov/topics", submit=subscribe, values={"email": "x"})
        self.assert_accessible(
            "/gov/topics",
            submit=subscribe,
            values={"name": "Bewoner Dijk", "email": "bewoner@dijk.example"},
        )
        subscription = self.env["gov.topic.subscription"].search(
            [("topic_id", "=", self.topic.id)]
        )
        confirm = f"/gov/topics/confirm/{subscription.token}"
        self.assert_accessible(confirm)
        self.assert_accessible(confirm, submit="form")
        self.assert_accessible(f"/gov/topics/unsubscribe/{subscription.token}")
        self.assert_accessible("/gov/topics/confirm/not-a-token")
        event = f"/gov/evenementen/{self.event.id}"
        form = "form.o_gov_event_form"
        self.assert_accessible(event, submit=form, values={"email": "x"})
        self.assert_accessible(
            event, submit=form, values={"name": "Bewoner", "email": "b@dijk.example"}
        )
