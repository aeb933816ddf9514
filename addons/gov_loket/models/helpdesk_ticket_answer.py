from odoo import fields, models
from odoo.addons.gov_addressbook.models.gov_contact_moment import CHANNELS
from odoo.addons.gov_addressbook.server_context import server_flag
from odoo.exceptions import UserError, ValidationError


class HelpdeskTicket(models.Model):
    """Answering a Loket request: record the answer, register the contact, close."""

    _inherit = "helpdesk.ticket"

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
        # Answered during the call that asked it: that call is the contact. A
        # server flag set by the register wizard, not the context: an RPC
        # caller could otherwise answer without leaving a contact moment.
        in_call = server_flag("gov_loket_answer_in_call")
        if self.partner_id and not in_call:
            # sudo: a colleague outside the Loket who answers a request handed
            # over to them may not write the address book; the contact moment
            # only records this answer, with values taken from the request
            # they may write, and keeps them as its employee (user_id).
            self.env["gov.contact.moment"].sudo().create(
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
