from odoo.tests import tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestStatusMail(GovLoketCase):
    """Status e-mails: one per real change, none when switched off."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.email = "loket@gemeente.test"
        cls.env["ir.config_parameter"].set_param(
            "gov_loket.status_mail_default", "True"
        )
        cls.in_progress = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    def _mails(self, ticket):
        self.env.flush_all()
        # Tracking (and the stage's own template) is sent before commit.
        self.env.cr.precommit.run()
        return self.env["mail.mail"].search(
            [
                ("model", "=", ticket._name),
                ("res_id", "=", ticket.id),
                ("recipient_ids", "in", self.citizen.ids),
            ]
        )

    def test_default_comes_from_the_setting(self):
        self.assertTrue(self._new_ticket(self.front_desk).status_mail)
        settings = self.env["res.config.settings"].create(
            {"gov_loket_status_mail_default": False}
        )
        settings.execute()
        self.assertFalse(self._new_ticket(self.front_desk).status_mail)

    def test_stage_change_queues_one_mail(self):
        ticket = self._new_ticket(self.front_desk)
        self.assertFalse(self._mails(ticket))
        ticket.with_user(self.front_desk).write(
            {"stage_id": self.in_progress.id, "priority": "2", "name": "Moved"}
        )
        mail = self._mails(ticket)
        self.assertEqual(len(mail), 1)
        self.assertIn(self.in_progress.name, mail.subject)
        self.assertIn(f"/my/ticket/{ticket.id}", mail.body_html)
        self.assertIn("Expected answer by", mail.body_html)
        # Writing the same stage again is no change.
        ticket.with_user(self.front_desk).write({"stage_id": self.in_progress.id})
        self.assertEqual(self._mails(ticket), mail)

    def test_batch_write_one_mail_per_request(self):
        tickets = self.Ticket.with_user(self.front_desk).create(
            [self._ticket_vals(name=f"Q{i}") for i in range(3)]
        )
        tickets.write({"stage_id": self.in_progress.id, "priority": "1"})
        for ticket in tickets:
            self.assertEqual(len(self._mails(ticket)), 1)

    def test_switched_off_sends_none(self):
        ticket = self._new_ticket(self.front_desk, status_mail=False)
        ticket.with_user(self.front_desk).write({"stage_id": self.in_progress.id})
        self.assertFalse(self._mails(ticket))

    def test_closing_replaces_stage_template(self):
        ticket = self._new_ticket(self.front_desk)
        ticket.with_user(self.front_desk).action_answer("See you Monday.", "phone")
        self.assertEqual(ticket.stage_id, self.done)
        mail = self._mails(ticket)
        self.assertEqual(len(mail), 1)
        self.assertIn(self.done.name, mail.subject)

    def test_accepted_hand_over_sends_one_mail(self):
        ticket = self._new_ticket(self.front_desk)
        ticket.with_user(self.front_desk).action_hand_over(self.employee.id, "Please")
        self.assertFalse(self._mails(ticket))
        ticket.with_user(self.employee).action_accept_hand_over()
        mail = self._mails(ticket)
        self.assertEqual(len(mail), 1)
        self.assertIn(self.employee.name, mail.body_html)

    def test_dutch_requester_gets_dutch_mail(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(["gov_loket"], ["nl_NL"])
        self.citizen.lang = "nl_NL"
        ticket = self._new_ticket(self.front_desk)
        ticket.with_user(self.front_desk).write({"stage_id": self.in_progress.id})
        mail = self._mails(ticket)
        self.assertEqual(len(mail), 1)
        self.assertTrue(mail.subject.startswith(f"Uw vraag {ticket.number}"))
        self.assertIn("De status van uw vraag", mail.body_html)
        self.assertIn("Verwacht antwoord uiterlijk", mail.body_html)

    def test_answer_by_email_is_the_only_mail(self):
        ticket = self._new_ticket(self.front_desk)
        ticket.with_user(self.front_desk).action_answer("See you Monday.", "email")
        mails = self._mails(ticket)
        self.assertEqual(len(mails), 1)
        self.assertIn("See you Monday.", mails.body_html)
