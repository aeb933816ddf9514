from ast import literal_eval

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import GovCampagneCase


@tagged("post_install", "-at_install")
class TestCampaign(GovCampagneCase):
    def test_audience_excludes_who_must_not_be_approached(self):
        campaign = self.Campaign.create(
            {"name": "Persbericht N201", "audience_domain": self.press_domain}
        )
        # Archived relations are not in the audience at all; the others are.
        self.assertEqual(campaign.audience_total_count, 6)
        self.assertEqual(campaign.audience_count, 2)
        self.assertEqual(campaign._get_audience_partners(), self.reachable_press)

    def test_count_follows_blacklist_and_flags(self):
        campaign = self.Campaign.create(
            {"name": "Live", "audience_domain": self.press_domain}
        )
        self.assertEqual(campaign.audience_count, 2)
        self.env["mail.blacklist"].create({"email": "two@omroep.example"})
        self.journalist.gov_do_not_contact = False  # no change: still reachable
        campaign.invalidate_recordset(["audience_count"])
        self.assertEqual(campaign.audience_count, 1)
        self.do_not_contact.gov_do_not_contact = False
        campaign.invalidate_recordset(["audience_count"])
        self.assertEqual(campaign.audience_count, 2)

    def test_live_count_is_one_query(self):
        campaign = self.Campaign.create(
            {"name": "Snel", "audience_domain": self.press_domain}
        )
        self.assertEqual(campaign.audience_count, 2)  # warms the caches
        self.env.flush_all()
        campaign.invalidate_recordset(["audience_count", "audience_total_count"])
        before = self.cr.sql_log_count
        self.assertEqual(
            (campaign.audience_total_count, campaign.audience_count), (6, 2)
        )
        self.assertEqual(self.cr.sql_log_count - before, 1)

    def test_archived_blacklist_entry_no_longer_excludes(self):
        campaign = self.Campaign.create(
            {"name": "Blacklist", "audience_domain": self.press_domain}
        )
        entry = self.env["mail.blacklist"].search([("email", "=", "bl@krant.example")])
        entry.active = False  # not flushed: the audience query must see it anyway
        partners = campaign._get_audience_partners()
        self.assertEqual(partners, self.reachable_press | self.blacklisted)
        # The in-memory filter agrees with the SQL one.
        everyone = self.env["res.partner"].search([("category_id", "in", self.tag.ids)])
        self.assertEqual(
            everyone.filtered_domain(campaign._get_audience_domain("email")), partners
        )

    def test_other_channels_keep_relations_without_email(self):
        campaign = self.Campaign.create(
            {"name": "Brief", "audience_domain": self.press_domain}
        )
        letter = self.env["res.partner"].search(campaign._get_audience_domain("letter"))
        self.assertEqual(
            letter, self.reachable_press | self.blacklisted | self.no_email
        )

    def test_invalid_audience_refused(self):
        with self.assertRaises(ValidationError):
            self.Campaign.create({"name": "Kapot", "audience_domain": "[('nope'"})
        with self.assertRaises(ValidationError):
            self.Campaign.create(
                {"name": "Onbekend", "audience_domain": "[('no_field', '=', 1)]"}
            )

    def test_state_transitions(self):
        campaign = self.Campaign.create({"name": "Fasen"})
        self.assertEqual(campaign.state, "draft")
        with self.assertRaises(UserError):
            campaign.action_done()
        campaign.action_start()
        self.assertEqual(campaign.state, "running")
        self.assertTrue(campaign.date_start)
        campaign.action_done()
        self.assertEqual(campaign.state, "done")
        self.assertTrue(campaign.date_end)
        with self.assertRaises(UserError):
            campaign.action_cancel()
        campaign.action_reset()
        self.assertEqual(campaign.state, "draft")
        campaign.action_cancel()
        self.assertEqual(campaign.state, "cancelled")
        with self.assertRaises(UserError):
            campaign.action_start()

    def test_end_before_start_refused(self):
        with self.assertRaises(ValidationError):
            self.Campaign.create(
                {
                    "name": "Omgekeerd",
                    "date_start": "2026-05-01",
                    "date_end": "2026-04-01",
                }
            )

    def test_cancel_stops_scheduled_release(self):
        campaign = self.Campaign.create(
            {"name": "Afgeblazen", "audience_domain": self.press_domain}
        )
        release = self.Release.create(
            {
                "campaign_id": campaign.id,
                "title": "Gaat niet door",
                "embargo_at": "2030-06-01 08:00:00",
            }
        )
        release.action_schedule()
        campaign.action_cancel()
        self.assertEqual(release.state, "draft")
        with self.assertRaises(UserError):
            release.action_schedule()


@tagged("post_install", "-at_install")
class TestCampaignAudienceChoice(GovCampagneCase):
    """A new campaign addresses nobody until its audience is chosen."""

    def test_new_campaign_reaches_nobody(self):
        campaign = self.Campaign.create({"name": "Nieuw"})
        self.assertEqual(campaign.audience_type, "criteria")
        self.assertEqual(
            (campaign.audience_total_count, campaign.audience_count), (0, 0)
        )
        self.assertFalse(campaign._get_audience_partners())
        domain = campaign.action_new_mailing()["context"]["default_mailing_domain"]
        self.assertFalse(self.env["res.partner"].search_count(literal_eval(domain)))

    def test_everyone_is_an_explicit_choice(self):
        campaign = self.Campaign.create(
            {"name": "Iedereen", "audience_type": "everyone"}
        )
        reachable = self.env["res.partner"].search(
            self.Campaign._get_exclusion_domain("email")
        )
        self.assertEqual(campaign._get_audience_partners(), reachable)
        self.assertFalse(self.reachable_press - campaign._get_audience_partners())
        self.assertEqual(campaign.audience_count, len(reachable))
