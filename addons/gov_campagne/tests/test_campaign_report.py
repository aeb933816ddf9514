from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import GovCampagneCase


@tagged("post_install", "-at_install")
class TestCampaignReport(GovCampagneCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.first = cls.Campaign.create(
            {"name": "Fietsroute", "date_start": date(2030, 3, 4)}
        )
        cls.second = cls.Campaign.create(
            {"name": "Wegwerkzaamheden", "date_start": date(2030, 4, 9)}
        )
        cls.partner_model_id = cls.env["ir.model"]._get_id("res.partner")
        cls._mailing(cls.first, ["sent", "open", "reply", "bounce"], clicked=1)
        cls._mailing(cls.second, ["open", "sent", "outgoing"], clicked=2)
        test_mailing = cls._mailing(cls.second, ["open"])
        test_mailing.mailing_trace_ids.is_test_trace = True
        cls._event(cls.first, invited=5, states=["open", "done", "cancel"])
        cls._event(cls.first, invited=2, states=["done"])
        cls._event(cls.second, invited=3, states=["open", "draft"])

    @classmethod
    def _mailing(cls, campaign, statuses, clicked=0):
        mailing = cls.env["mailing.mailing"].create(
            {
                "subject": f"Nieuwsbrief {campaign.name}",
                "gov_campaign_id": campaign.id,
                "mailing_model_id": cls.partner_model_id,
            }
        )
        cls.env["mailing.trace"].create(
            [
                {
                    "mass_mailing_id": mailing.id,
                    "model": "res.partner",
                    "res_id": cls.journalist.id,
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

    @classmethod
    def _event(cls, campaign, invited, states):
        begin = datetime(2030, 5, 1, 19, 0)
        event = cls.env["event.event"].create(
            {
                "name": f"Bijeenkomst {campaign.name}",
                "gov_campaign_id": campaign.id,
                "date_begin": begin,
                "date_end": begin + timedelta(hours=2),
            }
        )
        # Written directly: the invitation wizard itself is tested elsewhere.
        event.gov_invited_count = invited
        partners = cls.journalist | cls.journalist_two | cls.citizen
        registrations = cls.env["event.registration"].create(
            [
                {"event_id": event.id, "partner_id": partner.id}
                for partner in partners[: len(states)]
            ]
        )
        for registration, state in zip(registrations, states, strict=True):
            registration.state = state
        return event

    def _report(self, user):
        return (
            self.env["gov.campaign.report"]
            .with_user(user)
            .search([("campaign_id", "in", (self.first | self.second).ids)])
        )

    def test_invited_on_campaign(self):
        self.assertEqual(self.first.invited_count, 7)
        self.assertEqual(self.second.invited_count, 3)
        self.assertEqual(self.first.with_user(self.reader).invited_count, 7)

    def test_report_matches_campaign_counters(self):
        report = self._report(self.communication)
        self.assertEqual(len(report), 2)
        for line in report:
            campaign = line.campaign_id
            self.assertEqual(line.reached_count, campaign.mailing_sent_count)
            self.assertEqual(line.delivered_count, campaign.mailing_delivered_count)
            self.assertEqual(line.bounced_count, campaign.mailing_bounced_count)
            self.assertEqual(line.opened_count, campaign.mailing_opened_count)
            self.assertEqual(line.clicked_count, campaign.mailing_clicked_count)
            self.assertEqual(line.replied_count, campaign.mailing_replied_count)
            self.assertEqual(line.invited_count, campaign.invited_count)
            self.assertEqual(line.registration_count, campaign.registration_count)
            self.assertEqual(line.attended_count, campaign.attended_count)
            self.assertEqual(line.owner_id, self.communication)

    def test_report_sums_across_campaigns(self):
        Report = self.env["gov.campaign.report"].with_user(self.communication)
        measures = [
            "reached_count:sum",
            "delivered_count:sum",
            "bounced_count:sum",
            "opened_count:sum",
            "clicked_count:sum",
            "replied_count:sum",
            "invited_count:sum",
            "registration_count:sum",
            "attended_count:sum",
        ]
        [totals] = Report._read_group(
            [("campaign_id", "in", (self.first | self.second).ids)], [], measures
        )
        # reached, delivered, bounced, opened, clicked, replies, invited,
        # registered, attended; the test trace and "outgoing" are not counted.
        self.assertEqual(totals, (6, 5, 1, 3, 3, 1, 10, 4, 2))
        by_month = dict(
            Report._read_group(
                [("campaign_id", "in", (self.first | self.second).ids)],
                ["date_start:month"],
                ["invited_count:sum"],
            )
        )
        self.assertEqual(by_month, {date(2030, 3, 1): 7, date(2030, 4, 1): 3})

    def test_report_access(self):
        self.assertEqual(len(self._report(self.reader)), 2)
        line = self._report(self.reader)[:1]
        self.assertTrue(line.campaign_id)
        for user in (self.reader, self.communication):
            with self.assertRaises(AccessError):
                self._report(user)[:1].write({"invited_count": 1})
