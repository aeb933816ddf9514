from odoo import fields, models

from ..models.gov_contact_moment import CHANNELS, CONFIDENTIALITY_LEVELS


class GovContactRegister(models.TransientModel):
    """Register a contact in seconds: find the relation in one box, note, done."""

    _name = "gov.contact.register"
    _description = "Register a contact"

    partner_id = fields.Many2one(
        "res.partner",
        string="Relation",
        required=True,
        help="Type a name, e-mail, phone number, postcode + house number or KvK "
        "number; a new name creates the relation.",
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone")
    direction = fields.Selection(
        [("inbound", "Inbound"), ("outbound", "Outbound")],
        required=True,
        default="inbound",
    )
    subject = fields.Char(required=True)
    summary = fields.Text()
    confidentiality = fields.Selection(
        CONFIDENTIALITY_LEVELS, required=True, default="intern"
    )

    def _gov_moment_vals(self):
        """Values of the contact moment; other addons add their source."""
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "channel": self.channel,
            "direction": self.direction,
            "subject": self.subject,
            "summary": self.summary,
            "confidentiality": self.confidentiality,
        }

    def action_register(self):
        self.ensure_one()
        self.env["gov.contact.moment"].create(self._gov_moment_vals())
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Contact registered on the timeline of %(partner)s.",
                    partner=self.partner_id.display_name,
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
