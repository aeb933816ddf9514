from markupsafe import Markup, escape

from odoo import api, models


class HelpdeskTicket(models.Model):
    """Requests sent through the public web form."""

    _inherit = "helpdesk.ticket"

    @api.model
    def _gov_webform_partner(self, values):
        """The relation with this e-mail address, or a new one.

        An e-mail address typed on a public form is not proof of identity (just
        as a mail sender is not): the request is linked, nothing of the
        relation is shown back to the submitter.
        """
        Partner = self.env["res.partner"]
        found = Partner.search([("email_normalized", "=", values["email"])], limit=2)
        if len(found) == 1:
            return found
        return Partner.create(
            {
                "name": values["name"],
                "email": values["email"],
                "phone": values["phone"] or False,
                "zip": values["postcode"] or False,
            }
        )

    @api.model
    def _gov_create_from_webform(self, values, ip_address):
        """Create the request for clean web-form ``values`` (see webform.py)."""
        partner = self._gov_webform_partner(values)
        lines = [escape(line) for line in values["question"].splitlines()]
        ticket = self.create(
            {
                "name": values["question"].splitlines()[0][:80],
                "description": Markup("<p>%s</p>") % Markup("<br/>").join(lines),
                "partner_id": partner.id,
                "partner_name": values["name"],
                "partner_email": values["email"],
                "category_id": values["subject_id"],
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_web"
                ).id,
            }
        )
        self.env["gov.loket.webform.submission"].create(
            {
                "email": values["email"],
                "ip_address": ip_address,
                "ticket_id": ticket.id,
            }
        )
        return ticket
