from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    gov_loket_status_mail_default = fields.Boolean(
        string="Status e-mails by default",
        config_parameter="gov_loket.status_mail_default",
        help="New requests send the requester a status e-mail on each change "
        "unless the box is cleared on the request.",
    )
    gov_loket_mail_limit_per_sender = fields.Integer(
        string="New mail requests per sender",
        config_parameter="gov_loket.mail_limit_per_sender",
        default=10,
        help="At most this many new requests from one e-mail address in the "
        "period below; further mails are added to the sender's last request. "
        "0 switches the limit off.",
    )
    gov_loket_mail_limit_minutes = fields.Integer(
        string="Period (minutes)",
        config_parameter="gov_loket.mail_limit_minutes",
        default=60,
    )
    gov_loket_mail_authserv_id = fields.Char(
        string="Mail server name in Authentication-Results",
        config_parameter="gov_loket.mail_authserv_id",
        help="The name (authserv-id) your receiving mail server writes at the "
        "start of its Authentication-Results header. Only that header is "
        "trusted; empty means the topmost one.",
    )
