from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestContactMoments(GovLoketCase):
    def test_inbound_moment_on_create(self):
        ticket = self._new_ticket(self.front_desk, received_date=self._utc(2026, 3, 2))
        moment = ticket.contact_moment_ids
        self.assertEqual(len(moment), 1)
        self.assertEqual(moment.direction, "inbound")
        self.assertEqual(moment.channel, "counter")
        self.assertEqual(moment.partner_id, self.citizen)
        self.assertEqual(moment.user_id, self.front_desk)
        self.assertEqual((moment.res_model, moment.res_id), (ticket._name, ticket.id))
        self.assertEqual(str(moment.occurred_at), "2026-03-02 10:00:00")
        self.assertIn("city centre", moment.summary)
        self.assertIn(moment, self.citizen.contact_moment_ids)

    def test_channel_mapping(self):
        phone = self._new_ticket(self.front_desk, channel_id=self.channel_phone.id)
        self.assertEqual(phone.contact_moment_ids.channel, "phone")
        email = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        self.assertEqual(email.gov_channel, "email")
        codes = set(
            self.env["helpdesk.ticket.channel"].search([]).mapped("gov_channel")
        )
        for code in ("phone", "email", "counter", "letter", "chat", "whatsapp"):
            self.assertIn(code, codes)
        self.assertTrue({"social", "web_form"} <= codes)

    def test_no_partner_then_linked_once(self):
        ticket = self._new_ticket(self.front_desk, partner_id=False)
        self.assertFalse(ticket.contact_moment_ids)
        ticket.with_user(self.front_desk).partner_id = self.citizen
        self.assertEqual(len(ticket.contact_moment_ids), 1)
        ticket.with_user(self.front_desk).write({"partner_id": self.citizen.id})
        self.assertEqual(len(ticket.contact_moment_ids), 1)

    def test_answer_creates_outbound_and_closes(self):
        ticket = self._new_ticket(self.front_desk)
        ticket.with_user(self.front_desk).action_answer(
            "  Your permit starts on Monday.  ", "letter"
        )
        self.assertTrue(ticket.closed)
        self.assertTrue(ticket.stage_id.closed)
        self.assertEqual(ticket.answer, "Your permit starts on Monday.")
        self.assertEqual(ticket.answer_channel, "letter")
        self.assertTrue(ticket.answered_date)
        outbound = ticket.contact_moment_ids.filtered(
            lambda m: m.direction == "outbound"
        )
        self.assertEqual(len(outbound), 1)
        self.assertEqual(outbound.channel, "letter")
        self.assertEqual(outbound.summary, "Your permit starts on Monday.")
        self.assertEqual(len(self.citizen.contact_moment_ids), 2)

    def test_answer_defaults_to_preferred_channel(self):
        ticket = self._new_ticket(self.front_desk)
        ticket.with_user(self.front_desk).action_answer("Done.")
        self.assertEqual(ticket.answer_channel, "email")

    def test_answer_with_helpdesk_channel_id(self):
        ticket = self._new_ticket(self.front_desk)
        ticket.with_user(self.front_desk).action_answer("Done.", self.channel_phone.id)
        self.assertEqual(ticket.answer_channel, "phone")

    def test_answer_bad_input_changes_nothing(self):
        ticket = self._new_ticket(self.front_desk)
        as_desk = ticket.with_user(self.front_desk)
        with self.assertRaises(ValidationError):
            as_desk.action_answer("   ", "email")
        with self.assertRaises(ValidationError):
            as_desk.action_answer("An answer", "carrier_pigeon")
        self.assertFalse(ticket.closed)
        self.assertFalse(ticket.answer)
        self.assertEqual(len(ticket.contact_moment_ids), 1)

    def test_form_button_uses_typed_answer(self):
        ticket = self._new_ticket(self.front_desk)
        as_desk = ticket.with_user(self.front_desk)
        as_desk.write({"answer": "See the website.", "answer_channel": "chat"})
        as_desk.action_answer_and_close()
        self.assertTrue(ticket.closed)
        self.assertIn("chat", ticket.contact_moment_ids.mapped("channel"))
