from odoo import api, fields, models

CHANNELS = [
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("counter", "Counter"),
    ("letter", "Letter"),
    ("chat", "Chat"),
    ("whatsapp", "WhatsApp"),
    ("sms", "SMS"),
    ("social", "Social media"),
    ("web_form", "Web form"),
    ("meeting", "Meeting"),
    ("other", "Other"),
]

# ZGW "vertrouwelijkheidaanduiding", from public to top secret.
CONFIDENTIALITY_LEVELS = [
    ("openbaar", "Public"),
    ("beperkt_openbaar", "Restricted public"),
    ("intern", "Internal"),
    ("zaakvertrouwelijk", "Case confidential"),
    ("vertrouwelijk", "Confidential"),
    ("confidentieel", "Confidential (high)"),
    ("geheim", "Secret"),
    ("zeer_geheim", "Top secret"),
]


class GovContactMoment(models.Model):
    _name = "gov.contact.moment"
    _description = "Contact moment"
    _inherit = ["mail.thread"]
    _order = "occurred_at desc, id desc"
    _rec_name = "subject"

    partner_id = fields.Many2one(
        "res.partner",
        string="Relation",
        required=True,
        index=True,
        ondelete="restrict",
        help="The relation this contact was with.",
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone", index=True)
    direction = fields.Selection(
        [("inbound", "Inbound"), ("outbound", "Outbound")],
        required=True,
        default="inbound",
        help="Inbound: the relation contacted us. Outbound: we contacted the relation.",
    )
    subject = fields.Char(required=True)
    summary = fields.Text()
    occurred_at = fields.Datetime(
        string="When", required=True, default=fields.Datetime.now, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Employee",
        default=lambda self: self.env.user,
        index=True,
        help="The employee who had the contact.",
    )
    confidentiality = fields.Selection(
        CONFIDENTIALITY_LEVELS, required=True, default="intern"
    )
    is_bulk = fields.Boolean(
        string="Mass send",
        help="Part of a mailing, press release or topic update to many relations: it "
        "is on the timeline but says nothing about who knows whom.",
    )
    res_model = fields.Char(
        string="Source model", index=True, help="Technical name of the source record."
    )
    res_id = fields.Many2oneReference(
        string="Source record", model_field="res_model", index=True
    )
    source_display = fields.Char(string="Source", compute="_compute_source_display")

    @api.depends("res_model", "res_id")
    def _compute_source_display(self):
        for moment in self:
            if moment.res_model in self.env and moment.res_id:
                source = self.env[moment.res_model].browse(moment.res_id).exists()
                moment.source_display = source.display_name if source else False
            else:
                moment.source_display = False

    def action_open_source(self):
        self.ensure_one()
        if not (self.res_model in self.env and self.res_id):
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
