from datetime import datetime

from odoo.tests import HttpCase, new_test_user, tagged

EMBARGO = datetime(2030, 3, 2, 10, 0)


@tagged("post_install", "-at_install")
class TestPressTour(HttpCase):
    """The issue's story in the browser: campaign for the press, release under
    embargo, scheduled; after the moment it is sent and published."""

    def test_press_release_under_embargo_goes_out_at_the_moment(self):
        journalist = self.env["res.partner"].create(
            {
                "name": "Tour Journalist Embargo",
                "email": "embargo@krant.example",
                "gov_party_type": "press",
            }
        )
        user = new_test_user(
            self.env,
            "tour_press",
            name="Tour Woordvoerder",
            groups="gov_campagne.group_communication",
            email="tour.woordvoerder@provincie.example",
            tz="UTC",
        )
        self.start_tour(
            "/odoo?debug=1", "gov_campagne_press_embargo", login="tour_press"
        )

        campaign = self.env["gov.campaign"].search(
            [("name", "=", "Tour persbericht campagne")]
        )
        self.assertEqual(len(campaign), 1)
        self.assertIn("gov_party_type", campaign.audience_domain)
        release = self.env["gov.press.release"].search(
            [("title", "=", "Tour embargo bericht")]
        )
        self.assertEqual(release.campaign_id, campaign)
        self.assertEqual(release.state, "scheduled")
        self.assertEqual(release.embargo_at, EMBARGO)
        self.assertEqual(release.spokesperson_id, user)
        self.assertIn(journalist, release.recipient_ids)

        # Nothing is public and nothing leaves before the embargo moment.
        self.env.flush_all()
        self.assertEqual(self.url_open(release.public_url).status_code, 404)
        Release = self.env["gov.press.release"]
        Release._cron_send_due(now=datetime(2030, 3, 2, 9, 59, 59))
        self.assertEqual(release.state, "scheduled")

        Release._cron_send_due(now=EMBARGO)
        self.assertEqual(release.state, "sent")
        self.assertEqual(release.sent_at, EMBARGO)
        moments = self.env["gov.contact.moment"].search(
            [("res_model", "=", "gov.press.release"), ("res_id", "=", release.id)]
        )
        self.assertEqual(moments.partner_id, release.recipient_ids)
        self.assertIn(journalist, moments.partner_id)
        self.assertTrue(all(moments.mapped("is_bulk")))
        self.assertEqual(set(moments.mapped("direction")), {"outbound"})

        self.env.flush_all()
        page = self.url_open(release.public_url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Tour embargo bericht", page.text)
        self.assertIn("Tour Woordvoerder", page.text)
        self.assertIn("Tour embargo bericht", self.url_open("/gov/pers").text)
