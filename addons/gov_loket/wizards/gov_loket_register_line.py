from markupsafe import escape

from odoo import api, fields, models
from odoo.addons.gov_addressbook.server_context import server_flags
from odoo.exceptions import ValidationError

from ..models.helpdesk_ticket_outcome import CONTACT_OUTCOMES


class GovLoketRegisterLine(models.TransientModel):
    """One question asked during a registered call or visit."""

    _name = "gov.loket.register.line"
    _description = "Question in a registered contact"

    register_id = fields.Many2one(
        "gov.loket.register", required=True, ondelete="cascade"
    )
    category_id = fields.Many2one("helpdesk.ticket.category", string="Subject")
    question = fields.Text(required=True)
    outcome = fields.Selection(
        CONTACT_OUTCOMES,
        required=True,
        default="answered",
    )
    answer_template_id = fields.Many2one(
        "gov.loket.answer",
        string="Known answer",
        domain="['|', ('category_id', '=', False), ('category_id', '=', category_id)]",
        help="Search the question-and-answer pairs by question or keyword; the "
        "answer is copied below.",
    )
    answer = fields.Text(
        help="The answer given (answered directly) or where the requester was "
        "referred to (referred elsewhere)."
    )
    user_id = fields.Many2one(
        "res.users",
        string="Hand over to",
        help="Any colleague of the organisation; required when handed over, "
        "optional for a call-back request.",
        domain=[("share", "=", False)],
    )
    note = fields.Text(string="Instruction")

    @api.onchange("answer_template_id")
    def _onchange_answer_template_id(self):
        template = self.answer_template_id
        if template:
            self.answer = template._gov_answer_text()
            if not self.category_id and template.category_id:
                self.category_id = template.category_id
            if not self.question:
                self.question = template.name

    def _gov_check_complete(self):
        for line in self:
            if (
                line.outcome in ("answered", "referred")
                and not (line.answer or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Question '%(question)s': write the answer given or where "
                        "the requester was referred to.",
                        question=line.question,
                    )
                )
            if line.outcome == "handed_over" and not line.user_id:
                raise ValidationError(
                    self.env._(
                        "Question '%(question)s': choose the colleague to hand "
                        "it over to.",
                        question=line.question,
                    )
                )

    def _gov_ticket_vals(self, moment):
        self.ensure_one()
        register = self.register_id
        question = self.question.strip()
        return {
            "name": question.splitlines()[0][:80],
            "description": f"<p>{escape(question)}</p>",
            "partner_id": register.partner_id.id,
            "channel_id": register.channel_id.id,
            "category_id": self.category_id.id,
            "is_callback": self.outcome == "callback",
            "contact_outcome": self.outcome,
            "contact_duration": register.duration,
            "answer_template_id": self.answer_template_id.id,
            "call_moment_id": moment.id,
            "user_id": self._gov_initial_user().id,
        }

    def _gov_initial_user(self):
        """Who holds the request from the start: the answerer or the colleague.

        Setting it on creation also keeps automatic routing off these requests.
        """
        if self.outcome in ("answered", "referred"):
            return self.env.user
        return self.user_id

    def _gov_apply_outcome(self, ticket):
        """Close, hand over or leave open the request created for this line."""
        self.ensure_one()
        if self.outcome in ("answered", "referred"):
            answer = self.answer
            if self.outcome == "referred":
                answer = self.env._("Referred to: %(where)s", where=answer.strip())
            # The call registered with this line is the contact moment.
            with server_flags(gov_loket_answer_in_call=True):
                ticket.action_answer(answer, self.register_id.channel_id.gov_channel)
        elif self.user_id and self.outcome in ("handed_over", "callback"):
            ticket.action_hand_over(self.user_id.id, self.note or self.question)
