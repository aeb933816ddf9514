import re

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestSatisfaction(GovLoketCase, HttpCase):
    """The requester scores the answer through the link in the answer mail."""

    def setUp(self):
        super().setUp()
        self.ticket = self._new_ticket(self.front_desk)
        self.ticket.with_user(self.front_desk).action_answer(
            "Your permit starts on Monday.", "email"
        )
        message = self.ticket.message_ids.filtered(
            lambda m: "/loket/tevredenheid/" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.citizen, message.partner_ids)
        # The chatter shows the link with its token hidden; the mail that
        # leaves for the requester carries it (see test_security_tokens).
        mail = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        (outgoing,) = [
            email
            for one in mail
            for email in one._prepare_outgoing_list()
            if email["partner_id"] == self.citizen
        ]
        self.link = re.search(
            r"(/loket/tevredenheid/\d+/[\w-]+)", outgoing["body"]
        ).group(1)
        self.assertFalse(self.link.endswith("/hidden"))

    def _post(self, link, **data):
        page = self.url_open(link)
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        return self.url_open(link, data=dict(data, csrf_token=token))

    def test_score_is_stored_once(self):
        response = self._post(self.link, score="4", comment="Clear answer")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.ticket.satisfaction_score, 4)
        self.assertEqual(self.ticket.satisfaction_comment, "Clear answer")
        self.assertTrue(self.ticket.satisfaction_date)
        page = self.url_open(self.link)
        self.assertIn("Thank you for your score", page.text)
        self.assertNotIn('name="score"', page.text)

    def test_bad_score_and_wrong_token(self):
        response = self._post(self.link, score="9")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.ticket.satisfaction_score)
        wrong = self.link.rsplit("/", 1)[0] + "/not-the-token"
        self.assertEqual(self.url_open(wrong).status_code, 404)

    def test_token_hidden_from_staff_and_average_per_team(self):
        with self.assertRaises(AccessError):
            self.ticket.with_user(self.team_lead).read(["satisfaction_token"])
        self.ticket.sudo()._gov_rate(2)
        other = self._new_ticket(self.front_desk)
        other.with_user(self.front_desk).action_answer("Yes.", "email")
        other.sudo()._gov_rate(5)
        groups = self.Ticket.with_user(self.team_lead)._read_group(
            [("satisfaction_date", "!=", False)],
            ["team_id"],
            ["satisfaction_score:avg"],
        )
        self.assertEqual(groups, [(self.team_permits, 3.5)])
