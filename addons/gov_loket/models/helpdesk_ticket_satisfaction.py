import secrets

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import consteq

SCORES = range(1, 6)
SATISFACTION_PATH = "/loket/tevredenheid/"
# What the stored answer (chatter, mail.message, mail.mail) shows in place of
# the token: every reader of the request, the employee being rated included,
# sees that copy. The real token is put in only as the mail leaves, for the
# requester (see mail.mail); this one matches no ticket, so the page says 404.
HIDDEN_TOKEN = "hidden"


class HelpdeskTicket(models.Model):
    """Satisfaction score the requester gives through a link in the answer."""

    _inherit = "helpdesk.ticket"

    # Only the system sees the token: a manager or the employee being rated
    # could otherwise score the answer in the requester's place.
    satisfaction_token = fields.Char(
        copy=False, readonly=True, groups="base.group_system"
    )
    satisfaction_message_id = fields.Many2one(
        "mail.message",
        string="Answer message",
        copy=False,
        readonly=True,
        ondelete="set null",
        groups="base.group_system",
        help="The answer sent to the requester: only its mails get the real "
        "satisfaction link.",
    )
    satisfaction_score = fields.Integer(
        string="Satisfaction (1-5)",
        copy=False,
        readonly=True,
        aggregator="avg",
        help="Score the requester gave after the answer; average it over rated "
        "requests (filter Rated).",
    )
    satisfaction_comment = fields.Text(copy=False, readonly=True)
    satisfaction_date = fields.Datetime(string="Rated on", copy=False, readonly=True)

    _check_satisfaction_score = models.Constraint(
        "CHECK(satisfaction_score >= 0 AND satisfaction_score <= 5)",
        "A satisfaction score runs from 1 to 5.",
    )

    def _gov_satisfaction_url(self, hidden=False):
        """Public link to rate this request; creates its secret token once.

        With ``hidden`` the link carries no token: that is the one written in
        the answer, which staff can read (see ``_gov_reveal_satisfaction``).
        """
        self.ensure_one()
        # sudo: the token is hidden from staff; only the link leaves the
        # system, in the answer to the requester.
        ticket = self.sudo()
        if not ticket.satisfaction_token:
            ticket.satisfaction_token = secrets.token_urlsafe(24)
        token = HIDDEN_TOKEN if hidden else ticket.satisfaction_token
        return f"{self.get_base_url()}{SATISFACTION_PATH}{self.id}/{token}"

    def _gov_reveal_satisfaction(self, text):
        """``text`` with the hidden satisfaction link made the real one.

        For the outgoing mail only; the caller checks that it is the answer to
        the requester (see mail.mail). ``self`` must be sudo.
        """
        self.ensure_one()
        if not text or not self.satisfaction_token:
            return text
        hidden = f"{SATISFACTION_PATH}{self.id}/{HIDDEN_TOKEN}"
        return text.replace(
            hidden, f"{SATISFACTION_PATH}{self.id}/{self.satisfaction_token}"
        )

    @api.model
    def _gov_from_satisfaction_token(self, ticket_id, token):
        """The closed request matching ``token``, or an empty recordset."""
        # sudo: the caller is the public user; the token is the authorisation
        # and is compared in constant time.
        ticket = self.sudo().browse(int(ticket_id)).exists()
        if (
            not ticket
            or not ticket.stage_id.closed
            or not ticket.satisfaction_token
            or not consteq(ticket.satisfaction_token, token or "")
        ):
            return self.browse()
        return ticket

    def _gov_rate(self, score, comment=""):
        self.ensure_one()
        if self.satisfaction_date:
            raise ValidationError(self.env._("This request has already been rated."))
        try:
            score = int(score)
        except (TypeError, ValueError):
            score = 0
        if score not in SCORES:
            raise ValidationError(self.env._("Choose a score from 1 to 5."))
        self.write(
            {
                "satisfaction_score": score,
                "satisfaction_comment": (comment or "").strip()[:2000],
                "satisfaction_date": fields.Datetime.now(),
            }
        )

    def action_answer(self, answer, channel=False):
        res = super().action_answer(answer, channel)
        if self.answer_channel == "email" and self.partner_id.email:
            self._gov_send_answer_mail()
        return res

    def _gov_send_answer_mail(self):
        """Post the answer to the requester with the link to score it.

        The posted message (the chatter, and the mail as stored) carries the
        link with its token hidden; only the mail that leaves for the
        requester gets the real one (see mail.mail).
        """
        self.ensure_one()
        body = Markup("<p>%s</p><p>%s <a href='%s'>%s</a></p>") % (
            self.answer,
            self.env._("How satisfied are you with this answer?"),
            self._gov_satisfaction_url(hidden=True),
            self.env._("Give your score"),
        )
        message = self.message_post(
            body=body,
            subject=self.env._(
                "Answer to your question %(number)s", number=self.number
            ),
            partner_ids=self.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        # sudo: the marker is for the system only, so that no other message
        # can be made to carry the link. message_post sends the mails after
        # the commit, when the marker is in place.
        self.sudo().satisfaction_message_id = message
