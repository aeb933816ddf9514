from odoo import fields, models

OPEN_REQUESTS_DOMAIN = (
    "[('partner_id', '=', partner_id), ('stage_id.closed', '=', False)]"
)
# Register contact also shows the requests whose satisfaction score awaits a call.
CONTACT_REQUESTS_DOMAIN = (
    "[('partner_id', '=', partner_id), '|', ('stage_id.closed', '=', False), "
    "'&', ('gov_score_follow_up', '=', True), "
    "('gov_score_followed_up_date', '=', False)]"
)


class GovContactRegister(models.TransientModel):
    """Register contact: a contact about an open request is attached to it."""

    _inherit = "gov.contact.register"

    gov_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="About open request",
        domain=CONTACT_REQUESTS_DOMAIN,
        help="The relation's open requests: choose the one this contact is "
        "about, so the request's timeline shows it too.",
    )

    def _gov_moment_vals(self):
        vals = super()._gov_moment_vals()
        if self.gov_ticket_id:
            vals.update(self.gov_ticket_id._gov_attach_vals(self.direction))
        return vals
