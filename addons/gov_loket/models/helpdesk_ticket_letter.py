from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

LETTER_REPORT = "gov_loket.helpdesk_ticket_report_letter"


class HelpdeskTicket(models.Model):
    """Answering by letter: a printable PDF attached to the request."""

    _inherit = "helpdesk.ticket"

    letter_attachment_id = fields.Many2one(
        "ir.attachment",
        string="Answer letter",
        copy=False,
        readonly=True,
        help="The letter rendered when the request was answered by letter, ready "
        "to print and post.",
    )

    def action_answer(self, answer, channel=False):
        res = super().action_answer(answer, channel)
        if self.answer_channel == "letter":
            self._gov_attach_letter()
        return res

    def _gov_attach_letter(self):
        """Render the answer letter and keep it on the request."""
        self.ensure_one()
        content, kind = self.env["ir.actions.report"]._render_qweb_pdf(
            LETTER_REPORT, self.ids
        )
        # Without a PDF engine (test mode) Odoo renders the same letter as HTML.
        is_pdf = kind == "pdf"
        name = self.env._("Letter %(number)s", number=self.number)
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{name}.{'pdf' if is_pdf else 'html'}",
                "raw": content,
                "mimetype": "application/pdf" if is_pdf else "text/plain",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        self.letter_attachment_id = attachment
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._("The answer letter is ready to print and post."),
            attachment_ids=attachment.ids,
            subtype_xmlid="mail.mt_note",
        )
        return attachment

    def action_print_letter(self):
        """Download the answer letter of a request answered by letter."""
        self.ensure_one()
        if self.answer_channel != "letter" or not self.answered_date:
            raise UserError(
                self.env._("Only a request answered by letter has a letter to print.")
            )
        return self.env.ref(LETTER_REPORT).report_action(self)
