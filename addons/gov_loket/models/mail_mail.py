from odoo import models


class MailMail(models.Model):
    """The satisfaction link leaves with its token; stored copies never hold it.

    The answer to a request is posted in its chatter with the token of the
    satisfaction link hidden: every reader of the request, the employee being
    rated included, reads that message. The token is put in here, in the mail
    as it is handed to the mail server: only in the answer's own message
    (``satisfaction_message_id``, set by the system) and only for the mail to
    the requester.
    """

    _inherit = "mail.mail"

    def _prepare_outgoing_list(self, mail_server=False, doc_to_followers=None):
        emails = super()._prepare_outgoing_list(
            mail_server=mail_server, doc_to_followers=doc_to_followers
        )
        if self.model != "helpdesk.ticket" or not self.res_id:
            return emails
        # sudo: the token and the marker are for the system only. The token goes
        # nowhere but into this outgoing mail, and only when it is the answer's
        # mail to the requester (checked below).
        ticket = self.env["helpdesk.ticket"].sudo().browse(self.res_id).exists()
        if (
            not ticket
            or not ticket.satisfaction_message_id
            or ticket.satisfaction_message_id != self.mail_message_id
        ):
            return emails
        for email in emails:
            partner = email.get("partner_id")
            if not partner or partner != ticket.partner_id:
                continue
            for key in ("body", "body_alternative"):
                email[key] = ticket._gov_reveal_satisfaction(email.get(key))
        return emails
