from odoo import fields, models

from .helpdesk_ticket_service_promise import (
    DEFAULT_NORM_PARAM,
    LOW_SCORE_PARAM,
    SAME_REQUEST_PARAM,
)


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
    gov_loket_default_norm_days = fields.Integer(
        string="Default service norm (working days)",
        config_parameter=DEFAULT_NORM_PARAM,
        default=10,
        help="Deadline of a request whose subject is empty, whatever the "
        "channel it came in on.",
    )
    gov_loket_same_request_days = fields.Integer(
        string="Same request window (days)",
        config_parameter=SAME_REQUEST_PARAM,
        default=5,
        help="An e-mail or web-form question from a relation with an open "
        "request on the same subject received within this many days is "
        "proposed as the same request. 0 switches the proposal off.",
    )
    gov_loket_low_score_threshold = fields.Integer(
        string="Low satisfaction score",
        config_parameter=LOW_SCORE_PARAM,
        default=2,
        help="A score at or below this (of 5), or any comment, opens a "
        "follow-up for the team lead.",
    )
