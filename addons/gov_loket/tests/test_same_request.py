from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .mailbox_common import LoketMailboxCase, raw_mail


@tagged("post_install", "-at_install")
class TestOneRequestAcrossChannels(LoketMailboxCase):
    """A citizen who calls about the question they e-mailed is one request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.channel_email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        cls.mailed = cls.Ticket.create(
            cls._ticket_vals(
                channel_id=cls.channel_email.id,
                received_date=cls._utc(2026, 12, 1),
            )
        )

    def test_register_contact_attaches_to_open_request(self):
        wizard = Form(self.env["gov.contact.register"].with_user(self.front_desk))
        wizard.partner_id = self.citizen
        wizard.gov_ticket_id = self.mailed
        wizard.channel = "phone"
        wizard.subject = "Calls about the permit mail"
        wizard.save().action_register()
        self.assertEqual(
            set(self.mailed.contact_moment_ids.mapped("channel")), {"email", "phone"}
        )
        self.assertEqual(self.mailed.repeat_contact_count, 1)
        # The norm keeps running from the first contact.
        self.assertEqual(self.mailed.received_date, self._utc(2026, 12, 1))
        self.assertIn(
            "Calls about the permit mail",
            self.mailed.message_ids.mapped("preview")[0],
        )
        figures = self.Ticket.with_user(self.team_lead).get_loket_dashboard()
        self.assertIn(
            {"subject": "Parking permit", "channel": "Phone", "count": 1},
            figures["repeat_contacts"],
        )

    def test_register_call_attaches_without_a_new_request(self):
        before = self.Ticket.search_count([])
        register = (
            self.env["gov.loket.register"]
            .with_user(self.front_desk)
            .create(
                {
                    "partner_id": self.citizen.id,
                    "channel_id": self.channel_phone.id,
                    "gov_ticket_id": self.mailed.id,
                }
            )
        )
        action = register.action_register()
        self.assertEqual(action["res_id"], self.mailed.id)
        self.assertEqual(self.Ticket.search_count([]), before)
        phone = self.mailed.contact_moment_ids.filtered(lambda m: m.channel == "phone")
        self.assertEqual(phone.gov_repeat_request_id, self.mailed)

    def test_closed_request_takes_no_contact(self):
        self.mailed.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        wizard = (
            self.env["gov.contact.register"]
            .with_user(self.front_desk)
            .create(
                {
                    "partner_id": self.citizen.id,
                    "gov_ticket_id": self.mailed.id,
                    "subject": "Too late",
                }
            )
        )
        with self.assertRaises(UserError):
            wizard.action_register()
        self.assertEqual(len(self.mailed.contact_moment_ids), 1)

    def test_mail_on_the_same_subject_proposed_as_same_request(self):
        earlier = self.Ticket.create(
            self._ticket_vals(
                category_id=False,
                team_id=self.team_kcc.id,
                channel_id=self.channel_email.id,
            )
        )
        new, _thread = self.deliver(raw_mail(subject="Still no answer"))
        self.assertEqual(new.gov_same_request_id, earlier)
        new.with_user(self.front_desk).action_gov_confirm_same_request()
        self.assertTrue(new.stage_id.closed)
        self.assertEqual(new.duplicate_id, earlier)
        self.assertEqual(len(earlier.contact_moment_ids), 2)
        self.assertEqual(earlier.repeat_contact_count, 1)
        # The requester is not told that their question is closed.
        closed_mails = self.mails_to("anna@example.org").filtered(
            lambda m: "closed" in (m.subject or "")
        )
        self.assertFalse(closed_mails)
        # Counted once on the dashboard.
        # The front desk is in the KCC team the mails go to.
        figures = self.Ticket.with_user(self.front_desk).get_loket_dashboard(
            team_ids=self.team_kcc.ids
        )
        self.assertEqual(figures["total"], 1)

    def test_no_proposal_outside_the_window(self):
        self.env["ir.config_parameter"].set_param("gov_loket.same_request_days", 0)
        self.Ticket.create(
            self._ticket_vals(category_id=False, team_id=self.team_kcc.id)
        )
        new, _thread = self.deliver(raw_mail(subject="Another question"))
        self.assertFalse(new.gov_same_request_id)

    def test_not_the_same(self):
        earlier = self.Ticket.create(
            self._ticket_vals(category_id=False, team_id=self.team_kcc.id)
        )
        new, _thread = self.deliver(raw_mail(subject="Different question"))
        self.assertEqual(new.gov_same_request_id, earlier)
        new.with_user(self.front_desk).action_gov_reject_same_request()
        self.assertFalse(new.gov_same_request_id)
        self.assertFalse(new.stage_id.closed)

    def test_first_received_date_kept(self):
        later = self.Ticket.create(
            self._ticket_vals(received_date=self._utc(2026, 12, 3))
        )
        self.mailed.with_user(self.front_desk).write({"gov_same_request_id": later.id})
        self.mailed.with_user(self.front_desk).action_gov_confirm_same_request()
        self.assertEqual(later.received_date, self._utc(2026, 12, 1))
