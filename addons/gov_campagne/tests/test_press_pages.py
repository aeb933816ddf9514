import base64
from datetime import datetime

from odoo.tests import HttpCase, new_test_user, tagged

EMBARGO = datetime(2030, 3, 2, 10, 0)


@tagged("post_install", "-at_install")
class TestPressPages(HttpCase):
    """The public press room as a visitor without an account sees it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.communication = new_test_user(
            cls.env,
            "gov_press_pages",
            name="Woordvoerder Pers",
            groups="gov_campagne.group_communication",
            email="pers@provincie.example",
        )
        tag = cls.env["res.partner.category"].create({"name": "Press pages"})
        cls.env["res.partner"].create(
            {
                "name": "Journalist Pagina",
                "email": "pagina@krant.example",
                "gov_party_type": "press",
                "category_id": [(6, 0, tag.ids)],
            }
        )
        campaign = cls.env["gov.campaign"].create(
            {"name": "Brug", "audience_domain": f"[('category_id', 'in', [{tag.id}])]"}
        )
        cls.attachment = (
            cls.env["ir.attachment"]
            .with_user(cls.communication)
            .create({"name": "kaart.txt", "raw": b"kaart van de brug"})
        )
        cls.other_attachment = cls.env["ir.attachment"].create(
            {"name": "intern.txt", "datas": base64.b64encode(b"geheim")}
        )
        Release = cls.env["gov.press.release"].with_user(cls.communication)
        cls.release = Release.create(
            {
                "campaign_id": campaign.id,
                "title": "Nieuwe brug open",
                "body": "<p>De brug gaat open voor fietsers.</p>",
                "embargo_at": EMBARGO,
                "attachment_ids": [(6, 0, cls.attachment.ids)],
            }
        )
        cls.draft = Release.create(
            {"campaign_id": campaign.id, "title": "Concept bericht"}
        )
        cls.release.action_schedule()

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)

    def url_open(self, *args, **kwargs):
        # The server shares this test's transaction: flush our writes first.
        self.env.flush_all()
        response = super().url_open(*args, **kwargs)
        self.env.invalidate_all()
        return response

    def _send(self):
        self.env["gov.press.release"]._cron_send_due(now=EMBARGO)
        self.assertEqual(self.release.state, "sent")

    def test_not_public_under_embargo(self):
        self.assertEqual(self.release.state, "scheduled")
        for url in (
            self.release.public_url,
            f"/gov/pers/{self.release.id}",
            f"/gov/pers/{self.draft.id}-concept-bericht",
            f"{self.release.public_url}/attachment/{self.attachment.id}",
        ):
            response = self.url_open(url)
            self.assertEqual(response.status_code, 404, url)
            self.assertNotIn("De brug gaat open", response.text)
        listing = self.url_open("/gov/pers")
        self.assertEqual(listing.status_code, 200)
        self.assertNotIn("Nieuwe brug open", listing.text)
        self.assertNotIn("Concept bericht", listing.text)

    def test_public_after_send(self):
        self.env["gov.press.release"]._cron_send_due(now=datetime(2030, 3, 2, 9, 59))
        self.assertEqual(self.release.state, "scheduled")
        self._send()
        self.assertEqual(
            self.release.public_url, f"/gov/pers/{self.release.id}-nieuwe-brug-open"
        )
        listing = self.url_open("/gov/pers")
        self.assertIn("Nieuwe brug open", listing.text)
        self.assertIn(self.release.public_url, listing.text)
        self.assertNotIn("Concept bericht", listing.text)
        page = self.url_open(self.release.public_url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("De brug gaat open voor fietsers.", page.text)
        self.assertIn("Woordvoerder Pers", page.text)
        self.assertIn("kaart.txt", page.text)
        # The slug is decoration: the id alone finds the page too.
        self.assertEqual(self.url_open(f"/gov/pers/{self.release.id}").status_code, 200)

    def test_attachments_of_sent_release_only(self):
        self._send()
        base = self.release.public_url
        response = self.url_open(f"{base}/attachment/{self.attachment.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"kaart van de brug")
        self.assertIn("attachment", response.headers.get("Content-Disposition", ""))
        other = self.url_open(f"{base}/attachment/{self.other_attachment.id}")
        self.assertEqual(other.status_code, 404)
        self.assertNotIn("geheim", other.text)

    def test_newest_first(self):
        self._send()
        later = self.env["gov.press.release"].create(
            {
                "campaign_id": self.release.campaign_id.id,
                "title": "Tweede bericht",
                "embargo_at": EMBARGO,
            }
        )
        later.action_schedule()
        self.env["gov.press.release"]._cron_send_due(now=datetime(2030, 3, 3, 8, 0))
        text = self.url_open("/gov/pers").text
        self.assertLess(text.index("Tweede bericht"), text.index("Nieuwe brug open"))
