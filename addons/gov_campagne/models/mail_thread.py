from odoo import api, models
from odoo.addons.gov_addressbook.server_context import server_flags


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        # mass_mailing marks the mailing a reply refers to as opened/replied
        # here, with the gateway user's rights; see mailing_trace.py.
        with server_flags(gov_mail_gateway_routing=True):
            return super()._message_route_process(message, message_dict, routes)
