from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

OPEN_HANDOVER_STATES = ("pending", "accepted")


class HelpdeskTicket(models.Model):
    """Hand-over (uitzetten) of a Loket request: hand over, accept, send back."""

    _inherit = "helpdesk.ticket"

    handover_to_me = fields.Boolean(
        string="Handed over to me",
        compute="_compute_handover_to_me",
        compute_sudo=True,  # only says whether the current user is awaited
        help="An open hand-over of this request waits for the current user.",
    )
    handover_to_accept = fields.Boolean(
        string="To accept",
        compute="_compute_handover_to_me",
        compute_sudo=True,  # only says whether the current user may accept
        help="A hand-over to the current user that they have not accepted yet.",
    )

    @api.depends("handover_ids.state", "handover_ids.to_user_id")
    @api.depends_context("uid")
    def _compute_handover_to_me(self):
        for ticket in self:
            mine = ticket._gov_open_handovers().filtered(
                lambda h: h.to_user_id == self.env.user
            )
            ticket.handover_to_me = bool(mine)
            ticket.handover_to_accept = any(h.state == "pending" for h in mine)

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

        Any internal user can receive it, not only Loket staff: as its
        assignee they may read and answer it (see the record rules).

        ``user_id`` is a res.users id (or record); ``date_due`` an optional date
        earlier than the deadline by which the employee should answer.
        """
        self.ensure_one()
        user = self.env["res.users"].browse(int(user_id)).exists()
        if not user or user.share:
            raise ValidationError(
                self.env._("A request can only be handed over to an employee.")
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

    def _gov_open_handovers(self):
        return self.handover_ids.filtered(lambda h: h.state in OPEN_HANDOVER_STATES)

    def _gov_close_pending_handovers(self, state, feedback=False):
        """Move the open hand-overs to ``state`` and settle their to-dos."""
        handovers = self._gov_open_handovers()
        if not handovers:
            return
        # sudo: hand-overs are append-only history for users; only these flows
        # move the state of this request's open hand-overs forward.
        handovers.sudo().write({"state": state})
        activities = handovers.activity_id.exists()
        if state == "done":
            activities.action_feedback(feedback=self.env._("Request answered."))
        else:
            activities.unlink()

    def _gov_my_open_handover(self):
        self.ensure_one()
        mine = self._gov_open_handovers().filtered(
            lambda h: h.to_user_id == self.env.user
        )
        if not mine:
            raise UserError(self.env._("This request has not been handed over to you."))
        return mine[:1]

    def action_accept_hand_over(self):
        """The employee confirms they will answer the request."""
        self.ensure_one()
        handover = self._gov_my_open_handover()
        # sudo: only the state of the caller's own open hand-over changes.
        handover.sudo().write({"state": "accepted"})
        return True

    def action_return_hand_over(self, reason):
        """Send the request back to whoever handed it over, with a reason."""
        self.ensure_one()
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(self.env._("Say why you send the request back."))
        handover = self._gov_my_open_handover()
        back_to = handover.from_user_id
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=self.deadline_date or fields.Date.today(),
            summary=self.env._("Request %(number)s sent back", number=self.number),
            note=reason,
            user_id=back_to.id,
        )
        handover.activity_id.exists().unlink()
        # sudo: only the state and reason of the caller's own hand-over change.
        handover.sudo().write({"state": "returned", "return_reason": reason})
        self.message_post(
            body=self.env._(
                "Sent back to %(user)s: %(reason)s", user=back_to.name, reason=reason
            ),
            subtype_xmlid="mail.mt_note",
        )
        self.write({"user_id": back_to.id})
        return True

    def action_open_return_wizard(self):
        self.ensure_one()
        return {
            "name": self.env._("Send request back"),
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket.return",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }
