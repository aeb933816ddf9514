from odoo import fields, models
from odoo.addons.gov_addressbook.models.gov_contact_moment import CHANNELS
from odoo.exceptions import UserError, ValidationError


class HelpdeskTicket(models.Model):
    """Loket workflow on a request: hand it over, answer and close it.

    Kept apart from the field definitions in helpdesk_ticket.py so each file
    stays small; both extend the same model.
    """

    _inherit = "helpdesk.ticket"

    def action_open_hand_over_wizard(self):
        self.ensure_one()
        return {
            "name": self.env._("Hand over request"),
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket.hand.over",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_hand_over(self, user_id, note=False, date_due=False):
        """Hand the request to an employee: assign, keep history, schedule a to-do.

        ``user_id`` is a res.users id (or record); ``date_due`` an optional date
        earlier than the deadline by which the employee should answer.
        """
        self.ensure_one()
        user = self.env["res.users"].browse(int(user_id)).exists()
        if not user or user.share:
            raise ValidationError(
                self.env._("A request can only be handed over to an employee.")
            )
        if not user.has_group("gov_loket.group_employee"):
            raise ValidationError(
                self.env._(
                    "%(user)s has no access to the Loket: ask a functional "
                    "administrator to give them the Loket employee role.",
                    user=user.name,
                )
            )
        if self.closed:
            raise UserError(
                self.env._("A closed request cannot be handed over anymore.")
            )
        date_due = fields.Date.to_date(date_due) if date_due else False
        activity = self.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=date_due or self.deadline_date or fields.Date.today(),
            summary=self.env._("Answer request %(number)s", number=self.number),
            note=note or False,
            user_id=user.id,
        )
        self._gov_close_pending_handovers("reassigned")
        self.env["gov.loket.handover"].create(
            {
                "ticket_id": self.id,
                "from_user_id": self.env.user.id,
                "to_user_id": user.id,
                "note": note or False,
                "date_due": date_due,
                "activity_id": activity.id,
            }
        )
        self.message_subscribe(partner_ids=user.partner_id.ids)
        self.write({"user_id": user.id})
        return True

    def _gov_close_pending_handovers(self, state):
        pending = self.handover_ids.filtered(lambda h: h.state == "pending")
        if not pending:
            return
        # sudo: hand-overs are append-only history for users; only these flows
        # move the state of this request's pending hand-overs forward.
        pending.sudo().write({"state": state})
        activities = pending.activity_id.exists()
        if state == "reassigned":
            activities.unlink()
        else:
            activities.action_feedback(feedback=self.env._("Request answered."))

    def _gov_resolve_channel(self, channel):
        """Contact-moment channel code for ``channel`` (code, id or record)."""
        if not channel:
            return (
                self.partner_id.preferred_channel
                or self.channel_id.gov_channel
                or "other"
            )
        if isinstance(channel, models.BaseModel):
            return channel.gov_channel
        if isinstance(channel, int) and not isinstance(channel, bool):
            record = self.env["helpdesk.ticket.channel"].browse(channel).exists()
            if record:
                return record.gov_channel
        if isinstance(channel, str) and channel in dict(CHANNELS):
            return channel
        raise ValidationError(
            self.env._("Unknown answer channel: %(channel)s", channel=channel)
        )

    def _gov_closing_stage(self):
        stages = self.team_id._get_applicable_stages().filtered("closed")
        return stages.sorted("sequence")[:1]

    def action_answer_and_close(self):
        """Form button: close with the answer and channel typed on the form."""
        self.ensure_one()
        return self.action_answer(self.answer, self.answer_channel)

    def action_answer(self, answer, channel=False):
        """Record the answer, register the outbound contact and close the request."""
        self.ensure_one()
        answer = (answer or "").strip()
        if not answer:
            raise ValidationError(self.env._("Write the answer before closing."))
        if self.closed:
            raise UserError(self.env._("This request has already been closed."))
        code = self._gov_resolve_channel(channel)
        if (
            self.is_callback
            and code != "phone"
            and not self._gov_has_callback_outcome()
        ):
            raise ValidationError(
                self.env._(
                    "Request %(number)s is a call-back note: answer it by phone.",
                    number=self.number,
                )
            )
        stage = self._gov_closing_stage()
        if not stage:
            raise UserError(
                self.env._("No closing stage is configured for this request's team.")
            )
        if self.partner_id:
            self.env["gov.contact.moment"].create(
                self._gov_contact_moment_vals("outbound", code, answer)
            )
        self._gov_close_pending_handovers("done")
        self.write(
            {
                "answer": answer,
                "answer_channel": code,
                "answered_date": fields.Datetime.now(),
                "stage_id": stage.id,
            }
        )
        return True
