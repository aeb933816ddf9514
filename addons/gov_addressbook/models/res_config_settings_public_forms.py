from odoo import fields, models

from .. import public_input
from .gov_public_form_submission import PARAM_LIMIT_PER_CLIENT, PARAM_LIMIT_PER_EMAIL


class ResConfigSettings(models.TransientModel):
    """Rate limits of the public forms (Loket web form, topics, events)."""

    _inherit = "res.config.settings"

    gov_public_form_limit_per_email = fields.Integer(
        string="Public forms: posts per e-mail address per hour",
        config_parameter=PARAM_LIMIT_PER_EMAIL,
        default=public_input.DEFAULT_LIMIT_PER_EMAIL,
        help="How often one e-mail address may send each public form (question, "
        "topic subscription, event registration) within an hour.",
    )
    gov_public_form_limit_per_client = fields.Integer(
        string="Public forms: posts per network address per hour",
        config_parameter=PARAM_LIMIT_PER_CLIENT,
        default=public_input.DEFAULT_LIMIT_PER_CLIENT,
        help="How often each public form may be sent from one network address "
        "(an IPv4 address or an IPv6 /64 network) within an hour, whatever the "
        "e-mail address. Keep it well above the limit per e-mail address: a "
        "library, a school or a proxy puts many citizens behind one address.",
    )
