from odoo.addons.mail.tests.common import MailCase
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import GovLoketCase

MAIL = """Authentication-Results: mx.gemeente.test; spf=pass
 smtp.mailfrom=example.org; dkim=pass header.d=example.org; dmarc=pass
 header.from=example.org
Return-Path: {return_path}
To: {to}
cc: {cc}
Received: by mail.gemeente.test (Postfix, from userid 10002)
Message-ID: {msg_id}
Date: {date}
From: {email_from}
MIME-Version: 1.0
Subject: {subject}
{extra}
Content-Type: text/plain; charset=utf-8

Good morning,

The paper bin in the Kerkstraat was not emptied this week.

Kind regards
"""


@tagged("post_install", "-at_install")
class TestMailAlias(GovLoketCase, MailCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        domain = cls.env["mail.alias.domain"].create(
            {
                "name": "gemeente.test",
                "bounce_alias": "bounce",
                "catchall_alias": "catchall",
                "company_ids": [(4, cls.env.company.id)],
            }
        )
        cls.env.company.alias_domain_id = domain
        cls.team_kcc = cls.env["helpdesk.ticket.team"].create(
            {"name": "KCC", "alias_name": "vragen", "alias_domain_id": domain.id}
        )
        cls.email_channel = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")

    def _receive(self, email_from, subject, **kwargs):
        return self.format_and_process(
            MAIL,
            email_from,
            "vragen@gemeente.test",
            subject=subject,
            target_model="helpdesk.ticket",
            **kwargs,
        )

    def test_known_sender_linked_with_contact_moment(self):
        ticket = self._receive("Anna de Vries <anna@example.org>", "Bin not emptied")
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.team_id, self.team_kcc)
        self.assertEqual(ticket.channel_id, self.email_channel)
        self.assertEqual(ticket.partner_id, self.citizen)
        self.assertIn("Kerkstraat", ticket.description)
        moment = ticket.contact_moment_ids
        self.assertEqual((moment.channel, moment.direction), ("email", "inbound"))
        self.assertIn(moment, self.citizen.contact_moment_ids)

    def test_unknown_sender_kept_for_the_front_desk(self):
        ticket = self._receive("Nieuwe Burger <nieuw@example.org>", "New resident")
        self.assertEqual(len(ticket), 1)
        self.assertFalse(ticket.partner_id)
        self.assertEqual(ticket.partner_name, "Nieuwe Burger")
        self.assertEqual(ticket.partner_email, "nieuw@example.org")
        self.assertFalse(ticket.contact_moment_ids)
        # Linking the relation later still puts the question on the timeline.
        ticket.with_user(self.front_desk).partner_id = self.citizen
        self.assertEqual(ticket.contact_moment_ids.channel, "email")

    def test_reply_threads_onto_request(self):
        first_id = "<first-question@example.org>"
        ticket = self._receive(
            "Anna de Vries <anna@example.org>", "Bin question", msg_id=first_id
        )
        before = self.env["helpdesk.ticket"].search_count([])
        self.format_and_process(
            MAIL,
            "Anna de Vries <anna@example.org>",
            "vragen@gemeente.test",
            subject="Re: Bin question",
            extra=f"In-Reply-To: {first_id}",
            target_model="helpdesk.ticket",
        )
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), before)
        replies = ticket.message_ids.filtered(
            lambda m: m.message_type == "email" and m.subject == "Re: Bin question"
        )
        self.assertEqual(len(replies), 1)
        self.assertEqual(len(ticket.contact_moment_ids), 1)

    def test_unknown_sender_banner_creates_relation(self):
        ticket = self._receive("Nieuwe Burger <nieuw@example.org>", "New resident")
        self.assertTrue(ticket.sender_unknown)
        arch = ticket.with_user(self.front_desk).get_views([(False, "form")])
        form = arch["views"]["form"]["arch"]
        self.assertIn("action_create_sender_partner", form)
        self.assertIn("Sender not in the address book", form)
        action = ticket.with_user(self.front_desk).action_create_sender_partner()
        partner = ticket.partner_id
        self.assertEqual(
            (partner.name, partner.email), ("Nieuwe Burger", "nieuw@example.org")
        )
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("res.partner", partner.id)
        )
        self.assertFalse(ticket.sender_unknown)
        moment = ticket.contact_moment_ids
        self.assertEqual((moment.channel, moment.direction), ("email", "inbound"))
        self.assertEqual(moment.partner_id, partner)
        with self.assertRaises(UserError):
            ticket.with_user(self.front_desk).action_create_sender_partner()

    def test_create_relation_reuses_known_address(self):
        ticket = self._receive("Nieuwe Burger <nieuw@example.org>", "New resident")
        known = self.env["res.partner"].create(
            {"name": "N. Burger", "email": "Nieuw@Example.org"}
        )
        ticket.with_user(self.front_desk).action_create_sender_partner()
        self.assertEqual(ticket.partner_id, known)
        self.assertEqual(
            self.env["res.partner"].search_count(
                [("email", "=ilike", "nieuw@example.org")]
            ),
            1,
        )
