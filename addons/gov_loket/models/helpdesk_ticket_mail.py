from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.mail import email_normalize, email_split_tuples


class HelpdeskTicket(models.Model):
    """Requests received by e-mail on a team's mail alias."""

    _inherit = "helpdesk.ticket"

    @api.model
    def message_new(self, msg, custom_values=None):
        """A mail on the alias is a request on the e-mail channel.

        The mail gateway links the sender when one relation has that address
        (``author_id``) and the receiving server authenticated it (see
        ``_gov_mail_intake``); otherwise the request keeps the sender's name
        and address so the front desk can link or create the relation. The
        team's subject for mail gives the request its service norm.
        """
        custom_values = dict(custom_values or {})
        if not custom_values.get("channel_id"):
            channel = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_channel_email", raise_if_not_found=False
            )
            custom_values["channel_id"] = channel.id if channel else False
        if not custom_values.get("category_id") and custom_values.get("team_id"):
            team = self.env["helpdesk.ticket.team"].browse(custom_values["team_id"])
            if team.gov_mail_category_id:
                custom_values["category_id"] = team.gov_mail_category_id.id
        if not msg.get("author_id"):
            senders = email_split_tuples(msg.get("email_from") or msg.get("from"))
            if senders:
                name, email = senders[0]
                custom_values.setdefault("partner_name", name or email)
                custom_values.setdefault("partner_email", email)
        custom_values = self._gov_mail_custom_values(msg, custom_values)
        ticket = super().message_new(msg, custom_values=custom_values)
        ticket._gov_mail_after_new()
        return ticket

    sender_unknown = fields.Boolean(
        string="Sender not in the address book",
        compute="_compute_sender_unknown",
        help="The request came from an e-mail address that no relation has.",
    )

    @api.depends("partner_id", "partner_email")
    def _compute_sender_unknown(self):
        for ticket in self:
            ticket.sender_unknown = bool(ticket.partner_email and not ticket.partner_id)

    def action_create_sender_partner(self):
        """Link the request to a relation made from the sender's name and address.

        A relation that got the address in the meantime is linked instead of
        creating a duplicate. Linking puts the question on its timeline.
        """
        self.ensure_one()
        if self.partner_id:
            raise UserError(self.env._("This request is already linked to a relation."))
        senders = email_split_tuples(self.partner_email or "")
        if not senders:
            raise UserError(self.env._("The request has no valid sender address."))
        name, email = senders[0]
        Partner = self.env["res.partner"]
        partner = Partner.search(
            [("email_normalized", "=", email_normalize(email))], limit=1
        )
        if not partner:
            partner = Partner.create(
                {"name": self.partner_name or name or email, "email": email}
            )
        self.write({"partner_id": partner.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": partner.id,
            "view_mode": "form",
            "target": "current",
        }
