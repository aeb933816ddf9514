from odoo import models

from .. import smtp_delivery


class IrMailServer(models.Model):
    """Every outgoing message: list headers as ``<URL>``, and the SMTP error
    kept for mail.mail, which decides on a retry."""

    _inherit = "ir.mail_server"

    def _build_email__(self, *args, **kwargs):
        message = super()._build_email__(*args, **kwargs)
        if "List-Unsubscribe" in message:
            # Folding would turn the one-click URL into RFC 2047 encoded words
            # that no mail client offers as an unsubscribe button.
            message.policy = smtp_delivery.unfolded_list_policy(message.policy)
        return message

    def send_email(self, message, *args, **kwargs):
        smtp_delivery.LAST_SMTP_ERROR.set(None)
        try:
            return super().send_email(message, *args, **kwargs)
        except Exception as error:
            # Odoo turns the SMTP error into a text; keep the error itself, so
            # a "try again later" (4xx, lost connection) is told from a refusal.
            smtp_delivery.LAST_SMTP_ERROR.set(error)
            raise
