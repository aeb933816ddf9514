from odoo import api, fields, models

STATUS_MAIL_PARAM = "gov_loket.status_mail_default"
STATUS_TEMPLATE = "gov_loket.mail_template_status"


class HelpdeskTicket(models.Model):
    """Status e-mails to the requester: stage change, hand-over accepted, answer."""

    _inherit = "helpdesk.ticket"

    status_mail = fields.Boolean(
        string="Status e-mails",
        default=lambda self: self._gov_status_mail_default(),
        tracking=True,
        help="Send the requester an e-mail with the status, the expected date and "
        "the portal link whenever the request changes stage or an employee "
        "accepts it.",
    )

    @api.model
    def _gov_status_mail_default(self):
        # sudo: reads one non-secret setting; system parameters are admin-only.
        value = self.env["ir.config_parameter"].sudo().get_param(STATUS_MAIL_PARAM)
        return value in ("True", "true", "1")

    def write(self, vals):
        moved = self.browse()
        if vals.get("stage_id"):
            # Only a real stage change counts, once per request and per write,
            # however many other fields the same write carries.
            moved = self.filtered(lambda t: t.stage_id.id != vals["stage_id"])
        res = super().write(vals)
        moved._gov_send_status_mail()
        return res

    def action_accept_hand_over(self):
        res = super().action_accept_hand_over()
        self._gov_send_status_mail()
        return res

    def _gov_status_mail_recipients(self):
        return self.filtered(
            lambda t: t.status_mail
            and t.partner_id.email
            # An answer sent by e-mail already tells the requester.
            and not (t.stage_id.closed and t.answer_channel == "email" and t.answer)
        )

    def _gov_send_status_mail(self):
        tickets = self._gov_status_mail_recipients()
        if not tickets:
            return
        template = self.env.ref(STATUS_TEMPLATE)
        for ticket in tickets:
            # Replies go to the team's alias, so they thread onto the request.
            reply_to = ticket._gov_reply_to()
            template.send_mail(
                ticket.id, email_values={"reply_to": reply_to} if reply_to else None
            )

    def _track_template(self, tracking):
        res = super()._track_template(tracking)
        # The Loket status e-mail replaces the stage's own template, so the
        # requester gets one mail per stage change, not two.
        if "stage_id" in res and self[:1].status_mail:
            del res["stage_id"]
        return res
