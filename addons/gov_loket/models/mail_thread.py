import logging

from odoo import api, models
from odoo.addons.gov_addressbook.server_context import server_flags

from .. import mail_intake

_logger = logging.getLogger(__name__)

TICKET_MODEL = "helpdesk.ticket"
WINMAIL_NAMES = ("winmail.dat", "win.dat")


class MailThread(models.AbstractModel):
    """The mail gateway's part of the Loket mailbox.

    Parsing (any model): a subject sent as raw 8-bit bytes is decoded, and an
    Outlook ``winmail.dat`` is unpacked into the files it carries. Routing
    (mails for requests only): see ``helpdesk.ticket._gov_mail_intake`` and
    ``_gov_mail_routes``.
    """

    _inherit = "mail.thread"

    @api.model
    def message_parse(self, message, save_original=False):
        msg_dict = super().message_parse(message, save_original=save_original)
        for name, value in message.raw_items():
            if name.lower() == "subject":
                decoded = mail_intake.decode_raw_header(value)
                if decoded is not None:
                    msg_dict["subject"] = decoded
                break
        attachments = msg_dict.get("attachments")
        if attachments:
            msg_dict["attachments"] = self._gov_unpack_winmail(attachments)
        return msg_dict

    @api.model
    def _gov_unpack_winmail(self, attachments):
        unpacked = []
        for attachment in attachments:
            name, content = attachment[0], attachment[1]
            if (name or "").lower() not in WINMAIL_NAMES or not isinstance(
                content, bytes
            ):
                unpacked.append(attachment)
                continue
            files = mail_intake.unpack_tnef(content)
            if not files:
                unpacked.append(attachment)
                continue
            unpacked += [self._Attachment(fname, data, {}) for fname, data in files]
        return unpacked

    @api.model
    def _message_route_process(self, message, message_dict, routes):
        if not any(route[0] == TICKET_MODEL for route in routes or ()):
            return super()._message_route_process(message, message_dict, routes)
        # sudo: the duplicate check of message_process searches as the gateway's
        # user, who may not read the requests (nor so their messages); a mail
        # delivered twice must still make one request. Only a count is read.
        if (
            self.env["mail.message"]
            .sudo()
            .search_count(
                [("message_id", "=", message_dict.get("message_id"))], limit=1
            )
        ):
            return False
        Ticket = self.env[TICKET_MODEL]
        intake = Ticket._gov_mail_intake(message, message_dict)
        routes = Ticket._gov_mail_routes(routes, message_dict, intake)
        if not routes:
            _logger.info(
                "Loket: mail with Message-Id %s not turned into a request (%s)",
                message_dict.get("message_id"),
                intake.get("dropped") or "no route",
            )
            return False
        # sudo: after a first successful mail the gateway marks the alias
        # valid (and an invalid one on failure). The aliases are the ones the
        # routing itself found for this mail; the gateway's user (a dedicated
        # non-admin for odoo-mailgate or fetchmail) may not write aliases.
        routes = [
            (*route[:4], route[4].sudo() if route[4] else route[4]) for route in routes
        ]
        # The intake travels to message_new/message_update out of reach of
        # callers: message_dict and the context can be written over RPC.
        with server_flags(gov_loket_mail=intake):
            return super()._message_route_process(message, message_dict, routes)
