"""Issue 11, item 4: the satisfaction token is a secret to staff too.

The answer to a request is posted in its chatter. Every reader of the request,
the employee being rated included, reads that message; if it held the token,
they could score their own answer. The tests look as those readers would: over
the ORM with their own rights.
"""

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestSatisfactionTokenSecrecy(GovLoketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, "loket_token_manager", groups="gov_loket.group_manager"
        )
        cls.staff = (
            cls.front_desk,
            cls.employee,
            cls.colleague,
            cls.team_lead,
            cls.manager,
            cls.outsider,
        )

    def setUp(self):
        super().setUp()
        self.ticket = self._new_ticket(self.front_desk, user_id=self.employee.id)
        # The employee answers: the one the requester rates.
        self.ticket.with_user(self.employee).action_answer(
            "Your permit starts on Monday.", "email"
        )
        self.token = self.ticket.sudo().satisfaction_token
        self.assertTrue(self.token)
        self.answer = self.ticket.message_ids.filtered(
            lambda m: "/loket/tevredenheid/" in (m.body or "")
        )
        self.assertEqual(len(self.answer), 1)
        self.mail = self.env["mail.mail"].search(
            [("mail_message_id", "=", self.answer.id)]
        )
        self.assertTrue(self.mail)

    def _outgoing(self, mails, partner):
        return [
            email
            for mail in mails
            for email in mail._prepare_outgoing_list()
            if email["partner_id"] == partner
        ]

    def assertTokenNowhereForStaff(self):
        self.env.flush_all()
        hidden = f"/loket/tevredenheid/{self.ticket.id}/hidden"
        for user in self.staff:
            Message = self.env["mail.message"].with_user(user)
            for field in ("body", "subject"):
                self.assertFalse(
                    Message.search([(field, "ilike", self.token)]), (user.login, field)
                )
            ticket = self.ticket.with_user(user)
            if ticket.has_access("read"):
                # The chatter as the reader sees it: the hidden link only.
                bodies = str(ticket.message_ids.read(["body"]))
                self.assertIn(hidden, bodies, user.login)
                self.assertNotIn(self.token, bodies, user.login)
                self.assertNotIn(self.token, str(ticket.read()), user.login)
            for field in ("satisfaction_token", "satisfaction_message_id"):
                with self.assertRaises(AccessError, msg=(user.login, field)):
                    ticket.read([field])
            with self.assertRaises(AccessError):
                self.Ticket.with_user(user).search(
                    [("satisfaction_token", "=", self.token)]
                )
            with self.assertRaises(AccessError):
                self.env["mail.mail"].with_user(user).search([])
            notifications = self.env["mail.notification"].with_user(user).search([])
            self.assertNotIn(
                self.token,
                str(notifications.read(["failure_reason", "mail_email_address"])),
                user.login,
            )
        # No stored copy at all: mail queue, messages, tracking.
        self.assertFalse(
            self.env["mail.mail"].search([("body_html", "ilike", self.token)])
        )
        self.assertFalse(
            self.env["mail.message"].search([("body", "ilike", self.token)])
        )
        self.assertFalse(
            self.env["mail.tracking.value"].search(
                [
                    "|",
                    ("old_value_char", "ilike", self.token),
                    ("new_value_char", "ilike", self.token),
                ]
            )
        )

    def test_token_nowhere_staff_can_read(self):
        self.assertIn(self.citizen, self.answer.partner_ids)
        self.assertNotIn(self.token, str(self.mail.mapped("body_html")))
        self.assertTokenNowhereForStaff()
        self.assertEqual(self.ticket.sudo().satisfaction_message_id, self.answer)
        # Sending leaves no copy with the token behind either.
        self.mail.send()
        self.assertTokenNowhereForStaff()

    def test_only_the_requesters_mail_carries_the_link(self):
        (outgoing,) = self._outgoing(self.mail, self.citizen)
        link = f"/loket/tevredenheid/{self.ticket.id}/{self.token}"
        self.assertIn(link, outgoing["body"])
        self.assertIn(link, outgoing["body_alternative"])
        # The employee follows the request; a mail of the answer to them (or
        # to anyone but the requester) keeps the hidden link.
        self.answer.partner_ids = [(4, self.employee.partner_id.id)]
        as_copy = self.env["mail.mail"].create(
            {
                "mail_message_id": self.answer.id,
                "body_html": self.mail[0].body_html,
                "recipient_ids": [(4, self.employee.partner_id.id)],
            }
        )
        for email in as_copy._prepare_outgoing_list():
            self.assertNotIn(self.token, email["body"])

    def test_another_message_never_gets_the_link(self):
        # The employee makes themselves the requester and posts the hidden
        # link: the mail to them still shows it hidden.
        self.ticket.partner_id = self.employee.partner_id
        message = self.ticket.with_user(self.employee).message_post(
            body=f"<a href='/loket/tevredenheid/{self.ticket.id}/hidden'>x</a>",
            partner_ids=self.employee.partner_id.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        mail = self.env["mail.mail"].create(
            {
                "mail_message_id": message.id,
                "body_html": message.body,
                "recipient_ids": [(4, self.employee.partner_id.id)],
            }
        )
        for email in mail._prepare_outgoing_list():
            self.assertNotIn(self.token, email["body"])
        # Nor does the real answer once the requester is someone else.
        for mail in self.mail:
            for email in mail._prepare_outgoing_list():
                self.assertNotIn(self.token, email["body"])

    def test_token_compared_in_constant_time_and_hidden_link_refused(self):
        Ticket = self.env["helpdesk.ticket"]
        self.assertEqual(
            Ticket._gov_from_satisfaction_token(self.ticket.id, self.token),
            self.ticket,
        )
        for wrong in ("hidden", "", None, self.token[:-1], self.token + "x"):
            self.assertFalse(Ticket._gov_from_satisfaction_token(self.ticket.id, wrong))


@tagged("post_install", "-at_install")
class TestAnswerInCallServerFlag(GovLoketCase):
    def test_context_key_does_not_skip_the_contact_moment(self):
        ticket = self._new_ticket(self.front_desk)
        ticket.with_user(self.front_desk).with_context(
            gov_loket_answer_in_call=True
        ).action_answer("Starts Monday.", "phone")
        # The caller's context does not make the answer "given in the call":
        # the outbound contact moment is registered as for any answer.
        moments = self.env["gov.contact.moment"].search(
            [
                ("res_model", "=", ticket._name),
                ("res_id", "=", ticket.id),
                ("direction", "=", "outbound"),
            ]
        )
        self.assertEqual(len(moments), 1)
        self.assertEqual(moments.summary, "Starts Monday.")
