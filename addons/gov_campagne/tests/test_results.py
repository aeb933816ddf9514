from datetime import datetime, timedelta

from odoo.tests import new_test_user, tagged

from .common import GovCampagneCase


@tagged("post_install", "-at_install")
class TestCampaignResults(GovCampagneCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.Campaign.create(
            {"name": "Resultaten", "audience_domain": cls.press_domain}
        )
        cls.other = cls.Campaign.create({"name": "Andere campagne"})
        cls.partner_model_id = cls.env["ir.model"]._get_id("res.partner")

    def _mailing(self, campaign, statuses, clicked=0):
        mailing = (
            self.env["mailing.mailing"]
            .with_user(self.communication)
            .create(
                {
                    "subject": f"Nieuwsbrief {campaign.name}",
                    "gov_campaign_id": campaign.id,
                    "mailing_model_id": self.partner_model_id,
                    "mailing_domain": campaign.audience_domain,
                }
            )
        )
        self.env["mailing.trace"].create(
            [
                {
                    "mass_mailing_id": mailing.id,
                    "model": "res.partner",
                    "res_id": self.journalist.id,
                    "email": f"r{index}@media.example",
                    "trace_status": status,
                    "links_click_datetime": datetime(2030, 1, 1)
                    if index < clicked
                    else False,
                }
                for index, status in enumerate(statuses)
            ]
        )
        return mailing

    def test_mailing_counters(self):
        self._mailing(self.campaign, ["sent", "open", "reply", "bounce"], clicked=2)
        self._mailing(self.campaign, ["sent", "outgoing"])
        self._mailing(self.other, ["open", "open"])
        campaign = self.campaign
        self.assertEqual(campaign.mailing_count, 2)
        self.assertEqual(campaign.mailing_sent_count, 5)
        self.assertEqual(campaign.mailing_delivered_count, 4)
        self.assertEqual(campaign.mailing_opened_count, 2)
        self.assertEqual(campaign.mailing_replied_count, 1)
        self.assertEqual(campaign.mailing_bounced_count, 1)
        self.assertEqual(campaign.mailing_clicked_count, 2)
        self.assertEqual(self.other.mailing_opened_count, 2)

    def test_event_counters(self):
        begin = datetime(2030, 5, 1, 19, 0)
        event = (
            self.env["event.event"]
            .with_user(self.communication)
            .create(
                {
                    "name": "Opening fietsroute",
                    "gov_campaign_id": self.campaign.id,
                    "date_begin": begin,
                    "date_end": begin + timedelta(hours=2),
                }
            )
        )
        registrations = self.env["event.registration"].create(
            [
                {"event_id": event.id, "partner_id": partner.id}
                for partner in (self.journalist, self.journalist_two, self.citizen)
            ]
        )
        registrations[0].state = "done"
        registrations[2].state = "cancel"
        self.assertEqual(self.campaign.event_count, 1)
        self.assertEqual(self.campaign.registration_count, 2)
        self.assertEqual(self.campaign.attended_count, 1)
        self.assertEqual(self.campaign.event_ids, event)

    def test_mailing_reaches_campaign_audience_only(self):
        # Even a mailing domain wider than the campaign keeps the exclusions.
        mailing = self._mailing(self.campaign, [])
        mailing.mailing_domain = self.tag_domain
        recipients = self.env["res.partner"].browse(mailing._get_recipients())
        self.assertEqual(recipients, self.reachable_press)
        self.assertEqual(len(recipients), self.campaign.audience_count)

    def test_reader_sees_results_without_trace_access(self):
        self._mailing(self.campaign, ["open"])
        as_reader = self.campaign.with_user(self.reader)
        self.assertEqual(as_reader.mailing_opened_count, 1)

    def test_marketing_user_without_addressbook_rights_keeps_exclusions(self):
        marketer = new_test_user(
            self.env, "gov_marketer", groups="mass_mailing.group_mass_mailing_user"
        )
        mailing = self._mailing(self.campaign, [])
        recipients = mailing.with_user(marketer)._get_recipients()
        self.assertEqual(sorted(recipients), sorted(self.reachable_press.ids))
