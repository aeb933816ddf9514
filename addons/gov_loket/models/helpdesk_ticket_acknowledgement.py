from odoo import models
from odoo.tools import formataddr

ACK_TEMPLATE = "gov_loket.mail_template_acknowledgement"


class HelpdeskTicket(models.Model):
    """Acknowledgement of a mail request, and replies back to the team."""

    _inherit = "helpdesk.ticket"

    def _gov_reply_to(self):
        """The team's alias, where the requester's replies must go."""
        self.ensure_one()
        # sudo: the alias is configuration that not every reader of a request
        # may read; only its public address is used.
        team = self.team_id.sudo()
        address = team.alias_id.alias_full_name if team.alias_id.alias_domain else ""
        if not address or "@" not in address:
            return False
        return formataddr((team.name or "", address))

    def _gov_send_acknowledgement(self):
        """Tell the sender the request number and the answer date, when the
        team wants it. Never for a sender the mail server found forged."""
        self.ensure_one()
        if (
            not self.team_id.gov_acknowledge
            or self.gov_sender_check == "fail"
            or not (self.partner_id.email or self.partner_email)
        ):
            return
        template = self.env.ref(ACK_TEMPLATE)
        email_values = {}
        reply_to = self._gov_reply_to()
        if reply_to:
            email_values["reply_to"] = reply_to
        # sudo: the gateway's user may not read mail templates; the template is
        # fixed above and rendered on this request only.
        template.sudo().send_mail(self.id, email_values=email_values)
