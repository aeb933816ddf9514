from odoo import fields, models

from .. import working_days
from .helpdesk_ticket import local_date
from .helpdesk_ticket_category import DEFAULT_CALLBACK_NORM_DAYS
from .helpdesk_ticket_service_promise import LOW_SCORE_PARAM, LOW_SCORE_THRESHOLD


class HelpdeskTicket(models.Model):
    """A low satisfaction score, or any comment, is never ignored: it opens a
    follow-up that only a call or letter to the requester closes."""

    _inherit = "helpdesk.ticket"

    gov_score_follow_up = fields.Boolean(
        string="Score to follow up",
        copy=False,
        readonly=True,
        index=True,
        help="The score was low or came with a comment: the team lead calls or "
        "writes the requester.",
    )
    gov_score_follow_up_deadline = fields.Date(
        string="Follow up score by", copy=False, readonly=True
    )
    gov_score_followed_up_date = fields.Datetime(
        string="Score followed up on", copy=False, readonly=True
    )
    gov_score_followed_up_in_norm = fields.Boolean(
        string="Score followed up within norm", copy=False, readonly=True
    )
    gov_score_activity_id = fields.Many2one(
        "mail.activity",
        string="Score follow-up to-do",
        copy=False,
        readonly=True,
        ondelete="set null",
    )

    def _gov_rate(self, score, comment=""):
        result = super()._gov_rate(score, comment)
        threshold = self._gov_mail_setting(LOW_SCORE_PARAM, LOW_SCORE_THRESHOLD)
        if self.satisfaction_score <= threshold or self.satisfaction_comment:
            self._gov_open_score_follow_up()
        return result

    def _gov_score_follow_up_user(self):
        """The team lead of the request's team, else the relationship manager."""
        self.ensure_one()
        if self.team_id:
            return self.team_id.user_id
        return self.partner_id.relationship_manager_id

    def _gov_open_score_follow_up(self):
        self.ensure_one()
        # The timeline and the to-do are written in the organisation's language.
        ticket = self.with_context(lang=self.env.company.partner_id.lang or "nl_NL")
        _ = ticket.env._
        norm = (
            self.category_id.callback_norm_days
            if self.category_id
            else DEFAULT_CALLBACK_NORM_DAYS
        )
        deadline = working_days.add_working_days(self._gov_today(), norm)
        details = _(
            "Score %(score)s of 5 on request %(number)s. Comment: %(comment)s",
            score=self.satisfaction_score,
            number=self.number,
            comment=self.satisfaction_comment or "-",
        )
        vals = {
            "gov_score_follow_up": True,
            "gov_score_follow_up_deadline": deadline,
        }
        if self.partner_id:
            moment_vals = self._gov_contact_moment_vals("inbound", "web_form", details)
            moment_vals["subject"] = _(
                "Satisfaction score %(number)s", number=self.number
            )
            # sudo: the requester scores through the public page; every value
            # comes from this request and the score just given.
            self.env["gov.contact.moment"].sudo().create(moment_vals)
        user = self._gov_score_follow_up_user()
        if user:
            link = f"{self.get_base_url()}/odoo/helpdesk.ticket/{self.id}"
            # sudo: scheduling the to-do for the team lead, on this request only.
            vals["gov_score_activity_id"] = (
                ticket.sudo()
                .activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=deadline,
                    summary=_(
                        "Follow up satisfaction score: %(number)s", number=self.number
                    ),
                    note=_(
                        "%(details)s Call or write the requester; registering "
                        "that outbound contact on the request closes this "
                        "follow-up. %(link)s",
                        details=details,
                        link=link,
                    ),
                    user_id=user.id,
                )
                .id
            )
        self.sudo().write(vals)

    def _gov_score_follow_up_open(self):
        self.ensure_one()
        return self.gov_score_follow_up and not self.gov_score_followed_up_date

    def action_gov_register_score_follow_up(self):
        """Register contact, ready for the call back about the score."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gov_addressbook.gov_contact_register_action"
        )
        action["context"] = {
            "default_partner_id": self.partner_id.id,
            "default_gov_ticket_id": self.id,
            "default_direction": "outbound",
            "default_channel": "phone",
            "default_subject": self.env._(
                "Follow-up of satisfaction score %(number)s", number=self.number
            ),
        }
        return action

    def _gov_close_score_follow_up(self, moment):
        """An outbound contact after the score closes its follow-up."""
        for ticket in self.filtered(lambda t: t._gov_score_follow_up_open()):
            ticket.write(
                {
                    "gov_score_followed_up_date": moment.occurred_at,
                    "gov_score_followed_up_in_norm": local_date(moment.occurred_at)
                    <= ticket.gov_score_follow_up_deadline,
                }
            )
            if ticket.gov_score_activity_id.exists():
                ticket.gov_score_activity_id.action_feedback(
                    feedback=moment.subject or ""
                )
