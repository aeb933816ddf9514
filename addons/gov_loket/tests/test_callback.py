from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestCallback(GovLoketCase):
    def setUp(self):
        super().setUp()
        self.ticket = self._new_ticket(
            self.front_desk, is_callback=True, channel_id=self.channel_phone.id
        )
        self.done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    def test_close_refused_without_call(self):
        as_desk = self.ticket.with_user(self.front_desk)
        with self.assertRaises(ValidationError) as caught:
            as_desk.write({"stage_id": self.done.id})
        self.assertIn("call-back note", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            as_desk.action_answer("Sent you an e-mail.", "email")
        self.assertIn("call-back note", str(caught.exception))
        self.assertFalse(self.ticket.closed)
        # The inbound phone call does not count as the call back.
        self.assertEqual(self.ticket.contact_moment_ids.direction, "inbound")

    def test_close_allowed_after_call_back(self):
        self.ticket.with_user(self.front_desk).action_answer(
            "Called back: permit starts Monday.", "phone"
        )
        self.assertTrue(self.ticket.closed)
        outbound = self.ticket.contact_moment_ids.filtered(
            lambda m: m.direction == "outbound"
        )
        self.assertEqual(outbound.channel, "phone")

    def test_close_allowed_after_registered_call(self):
        self.env["gov.contact.moment"].with_user(self.front_desk).create(
            {
                "partner_id": self.citizen.id,
                "channel": "phone",
                "direction": "outbound",
                "subject": "Call back",
                "res_model": "helpdesk.ticket",
                "res_id": self.ticket.id,
            }
        )
        self.ticket.with_user(self.front_desk).write({"stage_id": self.done.id})
        self.assertTrue(self.ticket.closed)

    def test_marking_closed_request_as_callback_refused(self):
        plain = self._new_ticket(self.front_desk)
        plain.with_user(self.front_desk).action_answer("Answered.", "email")
        with self.assertRaises(ValidationError):
            plain.with_user(self.front_desk).is_callback = True

    def test_refusal_is_translated(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        as_desk = self.ticket.with_user(self.front_desk).with_context(lang="nl_NL")
        with self.assertRaises(ValidationError) as caught:
            as_desk.write({"stage_id": self.done.id})
        self.assertIn("terugbelverzoek", str(caught.exception))
        self.assertFalse(self.ticket.closed)
