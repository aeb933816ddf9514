from babel.dates import format_date

from odoo import api, fields, models

DEFAULT_NORM_PARAM = "gov_loket.default_norm_days"
DEFAULT_NORM_DAYS = 10
SAME_REQUEST_PARAM = "gov_loket.same_request_days"
SAME_REQUEST_DAYS = 5
LOW_SCORE_PARAM = "gov_loket.low_score_threshold"
LOW_SCORE_THRESHOLD = 2
# The public service promise is written in Dutch: "vrijdag 11 december 2026".
ANSWER_DATE_PATTERN = "EEEE d MMMM y"
ANSWER_DATE_LOCALE = "nl_NL"


class HelpdeskTicket(models.Model):
    """The service promise: one norm whatever the channel, told to the citizen."""

    _inherit = "helpdesk.ticket"

    answer_date_text = fields.Char(
        string="Answer by (written out)",
        compute="_compute_answer_date_text",
        help="The deadline written out in Dutch, as promised to the requester.",
    )

    @api.model
    def _gov_default_norm_days(self):
        """The organisation's norm for requests without a subject (Settings)."""
        return max(self._gov_mail_setting(DEFAULT_NORM_PARAM, DEFAULT_NORM_DAYS), 0)

    @api.depends("deadline_date")
    def _compute_answer_date_text(self):
        for ticket in self:
            ticket.answer_date_text = (
                format_date(
                    ticket.deadline_date,
                    ANSWER_DATE_PATTERN,
                    locale=ANSWER_DATE_LOCALE,
                )
                if ticket.deadline_date
                else False
            )
