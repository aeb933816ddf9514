from odoo import models
from odoo.addons.gov_addressbook.server_context import server_flag


class MailingTrace(models.Model):
    """Reply statistics from the mail gateway, whoever the gateway logs in as.

    The gateway user (odoo-mailgate, fetchmail) is an internal user without
    mailing rights; mass_mailing's reply bookkeeping made every reply to any
    mail fail with an AccessError for them once this addon was installed.
    """

    _inherit = "mailing.trace"

    def _gov_for_gateway(self, domain):
        # sudo: only while the gateway routes an incoming mail (a server flag
        # no RPC caller can set), and the domain is mass_mailing's own: the
        # Message-Ids the incoming mail refers to.
        if domain and server_flag("gov_mail_gateway_routing"):
            return self.sudo()
        return self

    def set_opened(self, domain=None):
        return super(MailingTrace, self._gov_for_gateway(domain)).set_opened(domain)

    def set_replied(self, domain=None):
        return super(MailingTrace, self._gov_for_gateway(domain)).set_replied(domain)
