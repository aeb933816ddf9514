import logging

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from .. import channel_text

_logger = logging.getLogger(__name__)


class GovCampaign(models.Model):
    """Letters and SMS for the relations that prefer them, in one batch each."""

    _inherit = "gov.campaign"

    @api.model
    def _gov_send_other_channels(self, split, message, attach_to, links=None):
        """Print the letters and queue the SMS of one send.

        ``split`` is ``{channel: partners}`` (see ``_split_by_channel``);
        ``message`` a dict with ``subject``, ``body`` (HTML) and the base values
        of the contact moments (``moment``); ``attach_to`` the record that
        keeps the printed letters; ``links`` optional ``{partner_id: url}``
        printed under each letter and SMS (e.g. to unsubscribe).

        Returns the values of the outbound contact moments for the letters:
        the caller creates them with its own, in one batch. The moment of an
        SMS is logged when the provider takes it (see sms.sms).
        """
        links = links or {}
        letters = split.get("letter") or self.env["res.partner"]
        if letters:
            self._gov_print_letters(letters, message, attach_to, links)
        texts = split.get("sms") or self.env["res.partner"]
        if texts:
            self._gov_queue_sms(texts, message, links)
        return [
            {**message["moment"], "partner_id": partner.id, "channel": "letter"}
            for partner in letters
        ]

    @api.model
    def _gov_print_letters(self, partners, message, attach_to, links):
        """One printable batch, a page per relation, attached to ``attach_to``."""
        data = {
            "subject": message["subject"],
            "body": message["body"] or "",
            "date": fields.Date.to_string(fields.Date.context_today(self)),
            "links": {str(partner_id): url for partner_id, url in links.items()},
        }
        Report = self.env["ir.actions.report"]
        report = "gov_campagne.action_report_gov_letter"
        try:
            content, kind = Report._render_qweb_pdf(report, partners.ids, data=data)
        except UserError as error:
            # wkhtmltopdf missing or failing must not stop the send: keep the
            # letters as a web page, which prints one letter per page as well.
            _logger.warning("Letters printed as HTML, not PDF: %s", error)
            content, kind = Report._render_qweb_html(report, partners.ids, data=data)
        if isinstance(content, str):  # HTML while testing, without wkhtmltopdf
            content = content.encode()
        name = self.env._(
            "Letters %(subject)s (%(count)s).%(ext)s",
            subject=message["subject"],
            count=len(partners),
            ext=kind,
        )
        attachment = self.env["ir.attachment"].create(
            {
                "name": name,
                "raw": content,
                "res_model": attach_to._name,
                "res_id": attach_to.id,
                "mimetype": "application/pdf" if kind == "pdf" else "text/html",
            }
        )
        if hasattr(attach_to, "message_post"):
            attach_to.message_post(
                body=self.env._(
                    "%(count)s relations prefer a letter: print the attached batch.",
                    count=len(partners),
                ),
                attachment_ids=attachment.ids,
            )
        return attachment

    @api.model
    def _gov_queue_sms(self, partners, message, links):
        """Queue one SMS per relation; Odoo's SMS queue sends them."""
        plain = html2plaintext(message["body"] or "")
        common = channel_text.sms_text(message["subject"], plain)
        # Logged when sent: the time is set then (see sms.sms).
        moment = {
            key: value
            for key, value in message["moment"].items()
            if key != "occurred_at"
        }
        vals_list = []
        for partner in partners:
            link = links.get(partner.id)
            body = (
                channel_text.sms_text(message["subject"], plain, link=link)
                if link
                else common
            )
            vals_list.append(
                {
                    "number": partner.phone_sanitized,
                    "partner_id": partner.id,
                    "body": body,
                    "state": "outgoing",
                    "gov_moment": {
                        **moment,
                        "partner_id": partner.id,
                        "channel": "sms",
                    },
                }
            )
        # sudo: sms.sms is for system users only; the texts are built here from
        # a send the caller may make, to relations filtered by the exclusions.
        texts = self.env["sms.sms"].sudo().create(vals_list)
        # Send now, not at the next run of the SMS queue.
        self.env.ref("sms.ir_cron_sms_scheduler_action").sudo()._trigger()
        return texts
