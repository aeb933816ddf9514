from collections import defaultdict

from odoo import fields, models

# mailing.trace statuses counted by each result counter.
SENT_STATUSES = ("pending", "sent", "open", "reply", "bounce")
DELIVERED_STATUSES = ("sent", "open", "reply")
OPENED_STATUSES = ("open", "reply")


class GovCampaign(models.Model):
    """Result counters of a campaign, from mailing traces and registrations."""

    _inherit = "gov.campaign"

    mailing_count = fields.Integer(compute="_compute_mailing_results")
    mailing_sent_count = fields.Integer(
        string="Sent", compute="_compute_mailing_results"
    )
    mailing_delivered_count = fields.Integer(
        string="Delivered", compute="_compute_mailing_results"
    )
    mailing_opened_count = fields.Integer(
        string="Opened", compute="_compute_mailing_results"
    )
    mailing_clicked_count = fields.Integer(
        string="Clicked", compute="_compute_mailing_results"
    )
    mailing_replied_count = fields.Integer(
        string="Replied", compute="_compute_mailing_results"
    )
    mailing_bounced_count = fields.Integer(
        string="Bounced", compute="_compute_mailing_results"
    )
    event_count = fields.Integer(compute="_compute_event_results")
    registration_count = fields.Integer(
        string="Registered", compute="_compute_event_results"
    )
    attended_count = fields.Integer(string="Attended", compute="_compute_event_results")
    invited_count = fields.Integer(
        string="Invited",
        compute="_compute_event_results",
        help="Invitations sent for the events of the campaign.",
    )
    press_release_count = fields.Integer(compute="_compute_press_release_count")

    def _compute_mailing_results(self):
        # sudo: only aggregated counts for campaigns the user can already read
        # leave here; readers see results without access to the traces.
        Mailing = self.env["mailing.mailing"].sudo()
        Trace = self.env["mailing.trace"].sudo()
        campaign_of = {
            mailing.id: mailing.gov_campaign_id.id
            for mailing in Mailing.search([("gov_campaign_id", "in", self.ids)])
        }
        counts = defaultdict(lambda: defaultdict(int))
        for campaign_id in campaign_of.values():
            counts[campaign_id]["mailings"] += 1
        trace_domain = [
            ("mass_mailing_id", "in", list(campaign_of)),
            ("is_test_trace", "=", False),
        ]
        for mailing, status, count in Trace._read_group(
            trace_domain, ["mass_mailing_id", "trace_status"], ["__count"]
        ):
            campaign_counts = counts[campaign_of[mailing.id]]
            campaign_counts["sent"] += count if status in SENT_STATUSES else 0
            campaign_counts["delivered"] += count if status in DELIVERED_STATUSES else 0
            campaign_counts["opened"] += count if status in OPENED_STATUSES else 0
            campaign_counts["replied"] += count if status == "reply" else 0
            campaign_counts["bounced"] += count if status == "bounce" else 0
        for mailing, count in Trace._read_group(
            [*trace_domain, ("links_click_datetime", "!=", False)],
            ["mass_mailing_id"],
            ["__count"],
        ):
            counts[campaign_of[mailing.id]]["clicked"] += count
        for campaign in self:
            campaign_counts = counts[campaign.id]
            campaign.mailing_count = campaign_counts["mailings"]
            campaign.mailing_sent_count = campaign_counts["sent"]
            campaign.mailing_delivered_count = campaign_counts["delivered"]
            campaign.mailing_opened_count = campaign_counts["opened"]
            campaign.mailing_clicked_count = campaign_counts["clicked"]
            campaign.mailing_replied_count = campaign_counts["replied"]
            campaign.mailing_bounced_count = campaign_counts["bounced"]

    def _compute_event_results(self):
        # sudo: aggregated counts only, as for the mailing results above.
        Event = self.env["event.event"].sudo()
        Registration = self.env["event.registration"].sudo()
        events = {
            campaign: (count, invited)
            for campaign, count, invited in Event._read_group(
                [("gov_campaign_id", "in", self.ids)],
                ["gov_campaign_id"],
                ["__count", "gov_invited_count:sum"],
            )
        }
        registered = defaultdict(int)
        attended = defaultdict(int)
        for event, state, count in Registration._read_group(
            [
                ("event_id.gov_campaign_id", "in", self.ids),
                ("state", "in", ("open", "done")),
            ],
            ["event_id", "state"],
            ["__count"],
        ):
            campaign_id = event.gov_campaign_id.id
            registered[campaign_id] += count
            if state == "done":
                attended[campaign_id] += count
        for campaign in self:
            campaign.event_count, campaign.invited_count = events.get(campaign, (0, 0))
            campaign.registration_count = registered[campaign.id]
            campaign.attended_count = attended[campaign.id]

    def _compute_press_release_count(self):
        counts = dict(
            self.env["gov.press.release"]._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]
            )
        )
        for campaign in self:
            campaign.press_release_count = counts.get(campaign, 0)
