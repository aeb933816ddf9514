from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestLetter(GovLoketCase):
    """Answering by letter renders a printable letter on the request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizen.write(
            {"street": "Kerkstraat 12", "zip": "1234 AB", "city": "Utrecht"}
        )
        cls.env.company.name = "Gemeente Voorbeeld"

    def _answer_by_letter(self, **context):
        ticket = self._new_ticket(self.front_desk)
        ticket.with_user(self.front_desk).with_context(**context).action_answer(
            "Your permit starts on Monday.", "letter"
        )
        return ticket

    def test_letter_holds_address_reference_and_answer(self):
        ticket = self._answer_by_letter()
        letter = ticket.letter_attachment_id
        self.assertTrue(letter)
        self.assertEqual((letter.res_model, letter.res_id), (ticket._name, ticket.id))
        # Test mode without force_report_rendering: Odoo renders HTML.
        html = letter.raw.decode()
        for expected in (
            "Anna de Vries",
            "Kerkstraat 12",
            "1234 AB",
            ticket.number,
            "Parking permit",
            "Your permit starts on Monday.",
            (ticket.user_id or self.front_desk).name,
            "Gemeente Voorbeeld",
        ):
            self.assertIn(expected, html)
        moment = ticket.contact_moment_ids.filtered(lambda m: m.direction == "outbound")
        self.assertEqual(moment.channel, "letter")
        self.assertIn(letter, ticket.message_ids.attachment_ids)

    def test_letter_is_a_pdf(self):
        # wkhtmltopdf would fetch the styles from this very server, which waits
        # on the test transaction: point it at a closed port so it renders
        # without them instead of hanging.
        self.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        ticket = self._answer_by_letter(force_report_rendering=True)
        letter = ticket.letter_attachment_id
        self.assertEqual(letter.mimetype, "application/pdf")
        self.assertTrue(letter.raw.startswith(b"%PDF"))
        self.assertTrue(letter.name.endswith(".pdf"))

    def test_print_letter_button(self):
        ticket = self._answer_by_letter()
        action = ticket.with_user(self.front_desk).action_print_letter()
        self.assertEqual(action["type"], "ir.actions.report")
        self.assertEqual(
            action["report_name"], "gov_loket.report_helpdesk_ticket_letter"
        )
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.front_desk)
            ._render_qweb_pdf("gov_loket.helpdesk_ticket_report_letter", ticket.ids)
        )
        self.assertEqual(kind, "html")
        self.assertIn(b"Your permit starts on Monday.", content)

    def test_no_letter_for_other_channels(self):
        ticket = self._new_ticket(self.front_desk)
        ticket.with_user(self.front_desk).action_answer("Done.", "phone")
        self.assertFalse(ticket.letter_attachment_id)
        with self.assertRaises(UserError):
            ticket.with_user(self.front_desk).action_print_letter()
