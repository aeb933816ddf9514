from odoo import fields, models
from odoo.tools import SQL
from odoo.tools.sql import drop_view_if_exists

from ..models.gov_campaign import CAMPAIGN_STATES
from ..models.gov_campaign_results import (
    DELIVERED_STATUSES,
    OPENED_STATUSES,
    SENT_STATUSES,
)


class GovCampaignReport(models.Model):
    """Result counters of every campaign, side by side (a read-only SQL view).

    The counters on the campaign form are computed, so they cannot be summed
    or grouped; this view counts the same things in one query. It follows the
    campaign form: archived mailings, events and registrations and test
    traces are left out.
    """

    _name = "gov.campaign.report"
    _description = "Campaign results"
    _auto = False
    _rec_name = "campaign_id"
    _order = "date_start desc, campaign_id desc"
    # Flush these fields before the view is read.
    _depends = {
        "gov.campaign": ["name", "state", "owner_id", "date_start"],
        "mailing.mailing": ["gov_campaign_id", "active"],
        "mailing.trace": [
            "mass_mailing_id",
            "trace_status",
            "links_click_datetime",
            "is_test_trace",
        ],
        "event.event": ["gov_campaign_id", "gov_invited_count", "active"],
        "event.registration": ["event_id", "state", "active"],
    }

    campaign_id = fields.Many2one("gov.campaign", readonly=True)
    state = fields.Selection(CAMPAIGN_STATES, readonly=True)
    owner_id = fields.Many2one("res.users", readonly=True)
    date_start = fields.Date(string="Start", readonly=True)
    reached_count = fields.Integer(string="Reached", readonly=True)
    delivered_count = fields.Integer(string="Delivered", readonly=True)
    bounced_count = fields.Integer(string="Bounced", readonly=True)
    opened_count = fields.Integer(string="Opened", readonly=True)
    clicked_count = fields.Integer(string="Clicked", readonly=True)
    replied_count = fields.Integer(string="Replies", readonly=True)
    invited_count = fields.Integer(string="Invited", readonly=True)
    registration_count = fields.Integer(string="Registered", readonly=True)
    attended_count = fields.Integer(string="Attended", readonly=True)

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
CREATE OR REPLACE VIEW %(view)s AS (
    WITH traces AS (
        SELECT m.gov_campaign_id AS campaign_id,
               COUNT(*) FILTER (WHERE t.trace_status IN %(sent)s) AS reached,
               COUNT(*) FILTER (WHERE t.trace_status IN %(delivered)s) AS delivered,
               COUNT(*) FILTER (WHERE t.trace_status = 'bounce') AS bounced,
               COUNT(*) FILTER (WHERE t.trace_status IN %(opened)s) AS opened,
               COUNT(*) FILTER (WHERE t.links_click_datetime IS NOT NULL) AS clicked,
               COUNT(*) FILTER (WHERE t.trace_status = 'reply') AS replied
          FROM mailing_trace t
          JOIN mailing_mailing m ON m.id = t.mass_mailing_id
         WHERE m.gov_campaign_id IS NOT NULL
           AND m.active
           AND NOT COALESCE(t.is_test_trace, FALSE)
         GROUP BY m.gov_campaign_id
    ), events AS (
        SELECT e.gov_campaign_id AS campaign_id,
               SUM(COALESCE(e.gov_invited_count, 0)) AS invited
          FROM event_event e
         WHERE e.gov_campaign_id IS NOT NULL AND e.active
         GROUP BY e.gov_campaign_id
    ), registrations AS (
        SELECT e.gov_campaign_id AS campaign_id,
               COUNT(*) AS registered,
               COUNT(*) FILTER (WHERE r.state = 'done') AS attended
          FROM event_registration r
          JOIN event_event e ON e.id = r.event_id
         WHERE e.gov_campaign_id IS NOT NULL
           AND r.active
           AND r.state IN ('open', 'done')
         GROUP BY e.gov_campaign_id
    )
    SELECT c.id AS id,
           c.id AS campaign_id,
           c.state AS state,
           c.owner_id AS owner_id,
           c.date_start AS date_start,
           COALESCE(t.reached, 0) AS reached_count,
           COALESCE(t.delivered, 0) AS delivered_count,
           COALESCE(t.bounced, 0) AS bounced_count,
           COALESCE(t.opened, 0) AS opened_count,
           COALESCE(t.clicked, 0) AS clicked_count,
           COALESCE(t.replied, 0) AS replied_count,
           COALESCE(ev.invited, 0) AS invited_count,
           COALESCE(r.registered, 0) AS registration_count,
           COALESCE(r.attended, 0) AS attended_count
      FROM gov_campaign c
      LEFT JOIN traces t ON t.campaign_id = c.id
      LEFT JOIN events ev ON ev.campaign_id = c.id
      LEFT JOIN registrations r ON r.campaign_id = c.id
)
                """,
                view=SQL.identifier(self._table),
                sent=SENT_STATUSES,
                delivered=DELIVERED_STATUSES,
                opened=OPENED_STATUSES,
            )
        )
