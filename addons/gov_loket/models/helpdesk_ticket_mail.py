from odoo import api, models
from odoo.tools.mail import email_split_tuples


class HelpdeskTicket(models.Model):
    """Requests received by e-mail on a team's mail alias."""

    _inherit = "helpdesk.ticket"

    @api.model
    def message_new(self, msg, custom_values=None):
        """A mail on the alias is a request on the e-mail channel.

        The mail gateway already links the sender when one relation has that
        address (``author_id``); otherwise the request keeps the sender's name
        and address so the front desk can link or create the relation.
        """
        custom_values = dict(custom_values or {})
        if not custom_values.get("channel_id"):
            channel = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_channel_email", raise_if_not_found=False
            )
            custom_values["channel_id"] = channel.id if channel else False
        if not msg.get("author_id"):
            senders = email_split_tuples(msg.get("email_from") or msg.get("from"))
            if senders:
                name, email = senders[0]
                custom_values.setdefault("partner_name", name or email)
                custom_values.setdefault("partner_email", email)
        return super().message_new(msg, custom_values=custom_values)
