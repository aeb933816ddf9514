from odoo import fields, models
from odoo.addons.gov_addressbook.models.gov_contact_moment import CHANNELS


class HelpdeskTicketChannel(models.Model):
    """Map each helpdesk channel to the contact-moment channel of the timeline."""

    _inherit = "helpdesk.ticket.channel"

    gov_channel = fields.Selection(
        CHANNELS,
        string="Contact channel",
        default="other",
        required=True,
        help="Channel recorded on the contact moments of requests received "
        "through this channel.",
    )
