from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    gov_loket_status_mail_default = fields.Boolean(
        string="Status e-mails by default",
        config_parameter="gov_loket.status_mail_default",
        help="New requests send the requester a status e-mail on each change "
        "unless the box is cleared on the request.",
    )
