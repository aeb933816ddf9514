import secrets

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import consteq

SCORES = range(1, 6)


class HelpdeskTicket(models.Model):
    """Satisfaction score the requester gives through a link in the answer."""

    _inherit = "helpdesk.ticket"

    satisfaction_token = fields.Char(
        copy=False, readonly=True, groups="gov_loket.group_manager"
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

    def _gov_satisfaction_url(self):
        """Public link to rate this request; creates its secret token once."""
        self.ensure_one()
        # sudo: the token is hidden from staff; only the link leaves the
        # system, in the answer to the requester.
        ticket = self.sudo()
        if not ticket.satisfaction_token:
            ticket.satisfaction_token = secrets.token_urlsafe(24)
        base = self.get_base_url()
        return f"{base}/loket/tevredenheid/{self.id}/{ticket.satisfaction_token}"

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
        self.ensure_one()
        body = Markup("<p>%s</p><p>%s <a href='%s'>%s</a></p>") % (
            self.answer,
            self.env._("How satisfied are you with this answer?"),
            self._gov_satisfaction_url(),
            self.env._("Give your score"),
        )
        self.message_post(
            body=body,
            subject=self.env._(
                "Answer to your question %(number)s", number=self.number
            ),
            partner_ids=self.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
