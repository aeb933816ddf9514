from odoo import api, fields, models

from .. import working_days
from .helpdesk_ticket import local_date


class HelpdeskTicket(models.Model):
    """Stored figures for the team leads' dashboard, set when a request closes."""

    _inherit = "helpdesk.ticket"

    answered_within_norm = fields.Boolean(
        string="Answered within norm",
        compute="_compute_insight_figures",
        store=True,
        index=True,
        help="Closed on or before its deadline.",
    )
    within_norm_pct = fields.Integer(
        string="Within norm (%)",
        compute="_compute_insight_figures",
        store=True,
        aggregator="avg",
        help="100 for a request closed within its norm, 0 otherwise; averaged "
        "over closed requests it gives the share answered within norm.",
    )
    handling_days = fields.Integer(
        string="Handling time (working days)",
        compute="_compute_insight_figures",
        store=True,
        aggregator="avg",
        help="Working days from receipt to closing.",
    )
    closed_month = fields.Date(
        string="Closed in month",
        compute="_compute_insight_figures",
        store=True,
        index=True,
        help="First day of the month (Dutch local time) the request was closed.",
    )
    received_month = fields.Date(
        string="Received in month",
        compute="_compute_received_month",
        store=True,
        index=True,
        help="First day of the month (Dutch local time) the request was "
        "received: the period of every figure of the dashboard.",
    )
    first_time_right_pct = fields.Integer(
        string="First time right (%)",
        compute="_compute_first_time_right_pct",
        store=True,
        aggregator="avg",
        help="100 for a request answered during the contact in which it was "
        "asked, 0 otherwise.",
    )
    open_count = fields.Integer(
        string="Open requests",
        compute="_compute_open_count",
        store=True,
        help="1 while the request is open: summed it counts the open requests.",
    )

    @api.depends("closed_date", "deadline_date", "received_date", "stage_id.closed")
    def _compute_insight_figures(self):
        for ticket in self:
            closed = ticket.closed_date if ticket.stage_id.closed else False
            if not closed:
                ticket.answered_within_norm = False
                ticket.within_norm_pct = 0
                ticket.handling_days = 0
                ticket.closed_month = False
                continue
            closed_day = local_date(closed)
            within = bool(ticket.deadline_date and closed_day <= ticket.deadline_date)
            received = ticket.received_date or ticket.create_date or closed
            ticket.answered_within_norm = within
            ticket.within_norm_pct = 100 if within else 0
            ticket.handling_days = working_days.working_days_between(
                local_date(received), closed_day
            )
            ticket.closed_month = closed_day.replace(day=1)

    @api.depends("received_date")
    def _compute_received_month(self):
        for ticket in self:
            received = ticket.received_date or ticket.create_date
            ticket.received_month = (
                local_date(received).replace(day=1) if received else False
            )

    @api.depends("first_time_right")
    def _compute_first_time_right_pct(self):
        for ticket in self:
            ticket.first_time_right_pct = 100 if ticket.first_time_right else 0

    @api.depends("stage_id.closed")
    def _compute_open_count(self):
        for ticket in self:
            ticket.open_count = 0 if ticket.stage_id.closed else 1
