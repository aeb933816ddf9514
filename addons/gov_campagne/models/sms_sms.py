from odoo import fields, models

# sms.sms states that mean the provider took the message.
DELIVERED_STATES = ("pending", "sent")


class SmsSms(models.Model):
    """An SMS of a campaign send lands on the timeline once the provider
    took it, not when it was queued."""

    _inherit = "sms.sms"

    gov_moment = fields.Json(
        string="Contact moment to log",
        readonly=True,
        copy=False,
        help="Values of the outbound contact moment that is logged when the "
        "provider accepts this SMS; emptied once logged.",
    )

    def _handle_call_result_hook(self, results):
        res = super()._handle_call_result_hook(results)
        self._gov_log_sent_moments()
        return res

    def _gov_log_sent_moments(self):
        sent = self.filtered(
            lambda sms: sms.gov_moment and sms.state in DELIVERED_STATES
        )
        if not sent:
            return
        now = fields.Datetime.now()
        moment_vals = [{**sms.gov_moment, "occurred_at": now} for sms in sent]
        # sudo: the SMS queue runs as the system; the moments record this
        # delivery only, with values the sending user's action prepared.
        self.env["gov.contact.moment"].sudo().with_context(
            tracking_disable=True, mail_create_nolog=True
        ).create(moment_vals)
        # Exactly once: a resent SMS does not log a second moment.
        sent.sudo().write({"gov_moment": False})
