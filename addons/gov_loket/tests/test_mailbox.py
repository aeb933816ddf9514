"""The Loket mailbox (issue 20): real raw mails through ``message_process``."""

import base64

from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import convert_file

from .mailbox_common import LoketMailboxCase, b64, multipart, raw_mail

BSN_TEXT = "Mijn BSN is 123456782, graag een afspraak."


@tagged("post_install", "-at_install")
class TestMailboxSender(LoketMailboxCase):
    """1. Only an authenticated sender is linked to the relation."""

    def test_authenticated_known_sender_linked(self):
        ticket, _ = self.deliver(raw_mail())
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.team_id, self.team_kcc)
        self.assertEqual(ticket.partner_id, self.citizen)
        self.assertEqual(ticket.gov_sender_check, "pass")
        self.assertEqual(ticket.contact_moment_ids.partner_id, self.citizen)
        message = ticket.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(message.author_id, self.citizen)

    def test_forged_sender_not_linked(self):
        raw = raw_mail(
            auth="fail",
            headers=("Reply-To: Anna <anna.devries@spoofer.test>",),
        ).replace("Return-Path: <anna@example.org>", "Return-Path: <x@spoofer.test>")
        ticket, _ = self.deliver(raw)
        self.assertEqual(len(ticket), 1)
        self.assertFalse(ticket.partner_id)
        self.assertEqual(ticket.gov_sender_check, "fail")
        self.assertIn("dmarc=fail", ticket.gov_sender_check_detail)
        self.assertIn("forged", ticket.gov_sender_check_note)
        # The headers that show where it came from are kept.
        self.assertIn("Return-Path: <x@spoofer.test>", ticket.gov_mail_origin)
        self.assertIn("anna.devries@spoofer.test", ticket.gov_mail_origin)
        self.assertIn(
            "Authentication-Results: mx.gemeente.test", ticket.gov_mail_origin
        )
        # Not on the citizen's timeline, in their portal or name.
        self.assertFalse(ticket.contact_moment_ids)
        self.assertNotIn(self.citizen, ticket.message_partner_ids)
        message = ticket.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertFalse(message.author_id)
        # Staff see the relation it claims to be and choose.
        self.assertEqual(ticket.gov_possible_partner_id, self.citizen)
        ticket.with_user(self.front_desk).action_gov_link_possible_partner()
        self.assertEqual(ticket.partner_id, self.citizen)
        self.assertEqual(ticket.contact_moment_ids.partner_id, self.citizen)

    def test_no_or_foreign_authentication_result_not_linked(self):
        ticket, _ = self.deliver(raw_mail(auth=None))
        self.assertEqual(ticket.gov_sender_check, "none")
        self.assertFalse(ticket.partner_id)
        # A result written by another server (here: by the sender) counts not.
        raw = raw_mail(
            auth=None,
            headers=(
                "Authentication-Results: mx.spoofer.test; dmarc=pass"
                " header.from=example.org",
            ),
        )
        ticket, _ = self.deliver(raw)
        self.assertEqual(ticket.gov_sender_check, "none")
        self.assertFalse(ticket.partner_id)

    def test_misaligned_sender_not_linked(self):
        raw = raw_mail(auth=None).replace(
            "Received:",
            "Authentication-Results: mx.gemeente.test; spf=pass"
            " smtp.mailfrom=bulk.spoofer.test; dkim=pass header.d=spoofer.test\r\n"
            "Received:",
            1,
        )
        ticket, _ = self.deliver(raw)
        self.assertEqual(ticket.gov_sender_check, "misaligned")
        self.assertFalse(ticket.partner_id)


@tagged("post_install", "-at_install")
class TestMailboxAutomatic(LoketMailboxCase):
    """2. Automatic mails and floods make no requests and get no answer."""

    def test_out_of_office_makes_no_request(self):
        self.team_kcc.gov_acknowledge = True
        for header in (
            "Auto-Submitted: auto-replied",
            "X-Autoreply: yes",
            "Precedence: bulk",
        ):
            with self.subTest(header=header):
                ticket, _ = self.deliver(
                    raw_mail(subject="Out of office", headers=(header,))
                )
                self.assertFalse(ticket)
        self.assertFalse(self.mails_to("anna@example.org"))

    def test_auto_reply_on_thread_is_a_note(self):
        ticket, _ = self.deliver(raw_mail(msg_id="<question-1@example.org>"))
        raw = raw_mail(
            subject="Automatic reply: Bin not emptied",
            headers=(
                "Auto-Submitted: auto-replied",
                "In-Reply-To: <question-1@example.org>",
            ),
        )
        new, _ = self.deliver(raw)
        self.assertFalse(new)
        note = ticket.message_ids.filtered(
            lambda m: m.subject == "Automatic reply: Bin not emptied"
        )
        self.assertEqual(len(note), 1)
        self.assertFalse(note.author_id)
        self.assertTrue(note.subtype_id.internal)
        self.assertIn("not written by the requester", note.body)

    def test_flood_limited_per_sender(self):
        self.env["ir.config_parameter"].set_param("gov_loket.mail_limit_per_sender", 3)
        self.team_kcc.gov_acknowledge = True
        tickets = self.Ticket
        for number in range(6):
            new, _ = self.deliver(raw_mail(subject=f"Question {number}"))
            tickets |= new
        self.assertEqual(len(tickets), 3)
        last = tickets.sorted("id")[-1]
        extra = last.message_ids.filtered(
            lambda m: m.subject in ("Question 3", "Question 4", "Question 5")
        )
        self.assertEqual(len(extra), 3)
        self.assertEqual(len(self.mails_to("anna@example.org")), 3)
        # Another sender is not held back.
        other, _ = self.deliver(raw_mail(sender="Piet <piet@example.net>"))
        self.assertEqual(len(other), 1)


@tagged("post_install", "-at_install")
class TestMailboxBsn(LoketMailboxCase):
    """3. A BSN in a mail is masked everywhere and kept only on the relation."""

    def _assert_masked(self, ticket):
        self.env.flush_all()
        self.assertNotIn("123456782", ticket.description)
        self.assertIn("*****6782", ticket.description)
        for message in ticket.message_ids:
            self.assertNotIn("123456782", message.body or "")
            self.assertNotIn("123456782", message.subject or "")
        for moment in ticket.contact_moment_ids:
            self.assertNotIn("123456782", moment.summary or "")
        mails = self.env["mail.mail"].search(
            [("model", "=", ticket._name), ("res_id", "=", ticket.id)]
        )
        for mail in mails:
            self.assertNotIn("123456782", mail.body_html or "")

    def test_bsn_masked_and_stored_on_relation(self):
        self.team_kcc.write({"gov_assign_method": "round_robin"})
        ticket, _ = self.deliver(
            raw_mail(subject="BSN 1234.56.782 verhuizing", body=BSN_TEXT)
        )
        self.assertEqual(ticket.user_id, self.front_desk)
        self.assertIn("*****6782", ticket.name)
        self.assertIn("*****6782", ticket.contact_moment_ids.summary)
        self._assert_masked(ticket)
        self.assertEqual(self.citizen.sudo().bsn, "123456782")
        log = self.env["gov.processing.log"].search(
            [("partner_id", "=", self.citizen.id), ("activity", "=", "record_bsn")]
        )
        self.assertEqual(len(log), 1)
        self.assertEqual((log.origin, log.purpose), ("mail", "service_request"))
        # The front desk reads the request, not the number.
        desk_ticket = ticket.with_user(self.front_desk)
        self.assertNotIn("123456782", desk_ticket.description)

    def test_bsn_from_forged_sender_not_stored(self):
        ticket, _ = self.deliver(raw_mail(body=BSN_TEXT, auth="fail"))
        self._assert_masked(ticket)
        self.assertFalse(self.citizen.sudo().bsn)

    def test_other_numbers_untouched(self):
        ticket, _ = self.deliver(
            raw_mail(body="Order 123456789 and phone 0612345678 please.")
        )
        self.assertIn("123456789", ticket.description)
        self.assertIn("0612345678", ticket.description)


@tagged("post_install", "-at_install")
class TestMailboxReplies(LoketMailboxCase):
    """4. Replies go to the team's alias and find their request again."""

    def test_status_mail_replies_to_team_alias(self):
        self.citizen.email = "anna@example.org"
        ticket, _ = self.deliver(raw_mail())
        ticket.status_mail = True
        ticket.with_user(self.front_desk).stage_id = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        mail = self.mails_to("anna@example.org").filtered(
            lambda m: "Your question" in (m.subject or "")
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("vragen@gemeente.test", mail.reply_to)

    def test_number_in_subject_threads_reply(self):
        ticket, _ = self.deliver(raw_mail())
        new, thread_id = self.deliver(
            raw_mail(subject=f"RE: [{ticket.number}] Bin not emptied", body="Thanks!")
        )
        self.assertFalse(new)
        self.assertEqual(thread_id, ticket.id)
        self.assertIn(
            f"RE: [{ticket.number}] Bin not emptied",
            ticket.message_ids.mapped("subject"),
        )

    def test_number_from_another_sender_makes_new_request(self):
        ticket, _ = self.deliver(raw_mail())
        subject = f"RE: [{ticket.number}] Bin not emptied"
        new, _ = self.deliver(
            raw_mail(subject=subject, sender="Piet <piet@example.net>")
        )
        self.assertEqual(len(new), 1)
        forged, _ = self.deliver(raw_mail(subject=subject, auth="fail"))
        self.assertEqual(len(forged), 1)


@tagged("post_install", "-at_install")
class TestMailboxTwoAliases(LoketMailboxCase):
    """5. One mail to two aliases is one request."""

    def test_one_request_followed_by_the_other_team(self):
        ticket, _ = self.deliver(
            raw_mail(to="vragen@gemeente.test, vergunningen@gemeente.test")
        )
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.team_id, self.team_kcc)
        self.assertEqual(ticket.gov_cc_team_ids, self.team_permits)
        self.assertIn(self.team_lead.partner_id, ticket.message_partner_ids)
        self.assertEqual(len(ticket.contact_moment_ids), 1)
        self.assertEqual(len(self.citizen.contact_moment_ids), 1)


@tagged("post_install", "-at_install")
class TestMailboxAcknowledgement(LoketMailboxCase):
    """6. The sender gets the request number and the answer date."""

    def test_acknowledgement_with_number_and_date(self):
        self.team_kcc.write(
            {"gov_acknowledge": True, "gov_mail_category_id": self.subject_roads.id}
        )
        ticket, _ = self.deliver(raw_mail())
        self.assertEqual(ticket.category_id, self.subject_roads)
        self.assertTrue(ticket.deadline_date)
        mail = self.mails_to("anna@example.org")
        self.assertEqual(len(mail), 1)
        self.assertIn(ticket.number, mail.subject)
        self.assertIn(ticket.number, mail.body_html)
        self.assertIn("o_gov_loket_expected", mail.body_html)
        self.assertIn("vragen@gemeente.test", mail.reply_to)

    def test_acknowledgement_to_unknown_sender_in_company_language(self):
        self.team_kcc.gov_acknowledge = True
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env.company.partner_id.lang = "nl_NL"
        self.env["ir.module.module"]._load_module_terms(
            ["gov_loket"], ["nl_NL"], overwrite=True
        )
        self.env.invalidate_all()
        ticket, _ = self.deliver(raw_mail(sender="Nieuw <nieuw@example.net>"))
        mail = self.mails_to("nieuw@example.net")
        self.assertEqual(len(mail), 1)
        self.assertIn(ticket.number, mail.body_html)
        self.assertIn("We hebben uw vraag ontvangen", mail.body_html)

    def test_no_acknowledgement_when_off_or_forged(self):
        self.deliver(raw_mail())
        self.assertFalse(self.mails_to("anna@example.org"))
        self.team_kcc.gov_acknowledge = True
        self.deliver(raw_mail(auth="fail"))
        self.assertFalse(self.mails_to("anna@example.org"))


def _tnef(filename, data):
    """A minimal winmail.dat holding one attachment."""

    def attribute(level, name, kind, payload):
        header = (
            bytes([level]) + name.to_bytes(2, "little") + kind.to_bytes(2, "little")
        )
        checksum = (sum(payload) & 0xFFFF).to_bytes(2, "little")
        return header + len(payload).to_bytes(4, "little") + payload + checksum

    return (
        (0x223E9F78).to_bytes(4, "little")
        + (1).to_bytes(2, "little")
        + attribute(1, 0x9006, 0x0008, (0x10000).to_bytes(4, "little"))
        + attribute(1, 0x9007, 0x0006, (1252).to_bytes(4, "little") + bytes(4))
        + attribute(2, 0x9002, 0x0006, bytes(14))
        + attribute(2, 0x8010, 0x0001, filename.encode() + b"\0")
        + attribute(2, 0x800F, 0x0006, data)
    )


@tagged("post_install", "-at_install")
class TestMailboxContent(LoketMailboxCase):
    """7. Readable attachments and subjects; and what already worked."""

    def test_winmail_dat_unpacked(self):
        content_type, body = multipart(
            (["Content-Type: text/plain; charset=utf-8"], "See the letter."),
            (
                [
                    "Content-Type: application/ms-tnef; name=winmail.dat",
                    "Content-Transfer-Encoding: base64",
                    "Content-Disposition: attachment; filename=winmail.dat",
                ],
                b64(_tnef("bezwaar.txt", b"Ik maak bezwaar.")),
            ),
        )
        ticket, _ = self.deliver(raw_mail(body=body, content_type=content_type))
        attachments = ticket.message_ids.attachment_ids
        self.assertEqual(attachments.mapped("name"), ["bezwaar.txt"])
        self.assertEqual(base64.b64decode(attachments.datas), b"Ik maak bezwaar.")

    def test_inline_image_shown_in_description(self):
        content_type, body = multipart(
            (
                ["Content-Type: text/html; charset=utf-8"],
                '<p>Hier de foto:</p><img src="cid:foto1@example.org">',
            ),
            (
                [
                    "Content-Type: image/png; name=foto.png",
                    "Content-Transfer-Encoding: base64",
                    "Content-ID: <foto1@example.org>",
                    "Content-Disposition: inline; filename=foto.png",
                ],
                b64(
                    base64.b64decode(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42m"
                        "NkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
                    )
                ),
            ),
            subtype="related",
        )
        ticket, _ = self.deliver(raw_mail(body=body, content_type=content_type))
        self.assertNotIn("cid:", ticket.description)
        self.assertIn("/web/image/", ticket.description)

    def test_raw_8bit_subject_decoded(self):
        raw = raw_mail(subject="Caf\xe9 op de hoek: geluidsoverlast").encode("latin-1")
        ticket, _ = self.deliver(raw)
        self.assertEqual(ticket.name, "Caf\xe9 op de hoek: geluidsoverlast")
        raw = raw_mail(subject="Overlast \u20ac 50 boete").encode("utf-8")
        ticket, _ = self.deliver(raw)
        self.assertEqual(ticket.name, "Overlast \u20ac 50 boete")

    def test_encoded_subject_latin1_body_html_and_pdf(self):
        raw = raw_mail(
            subject="=?utf-8?q?Vraag_over_de_caf=C3=A9?=",
            body="Geachte heer,\n\nDe caf\xe9 is te luid.\n",
            content_type="text/plain; charset=iso-8859-1",
        ).encode("latin-1")
        ticket, _ = self.deliver(raw)
        self.assertEqual(ticket.name, "Vraag over de caf\xe9")
        self.assertIn("caf\xe9 is te luid", ticket.description)
        pdf = b"%PDF-1.4\n" + b"0" * 1_000_000 + b"\n%%EOF"
        content_type, body = multipart(
            (["Content-Type: text/html; charset=utf-8"], "<p><b>Zie bijlage</b></p>"),
            (
                [
                    "Content-Type: application/pdf; name=aanvraag.pdf",
                    "Content-Transfer-Encoding: base64",
                    "Content-Disposition: attachment; filename=aanvraag.pdf",
                ],
                b64(pdf),
            ),
        )
        ticket, _ = self.deliver(raw_mail(body=body, content_type=content_type))
        self.assertIn("<b>Zie bijlage</b>", ticket.description)
        attachment = ticket.message_ids.attachment_ids
        self.assertEqual(attachment.name, "aanvraag.pdf")
        self.assertEqual(attachment.file_size, len(pdf))

    def test_duplicate_message_id_and_bounce_ignored(self):
        raw = raw_mail(msg_id="<once@example.org>")
        first, _ = self.deliver(raw)
        again, _ = self.deliver(raw)
        self.assertEqual((len(first), len(again)), (1, 0))
        bounce = raw_mail(
            sender="MAILER-DAEMON <mailer-daemon@example.org>",
            to="bounce@gemeente.test",
            subject="Undelivered Mail Returned to Sender",
            auth=None,
        )
        new, _ = self.deliver(bounce)
        self.assertFalse(new)


@tagged("post_install", "-at_install")
class TestMailboxDemo(TransactionCase):
    """8. The demo's teams receive mail as shipped."""

    def test_demo_team_alias_routes(self):
        # Loaded here: tests do not rely on a database installed with demo data.
        convert_file(self.env, "gov_loket", "demo/gov_loket_demo.xml", {}, mode="init")
        kcc = self.env.ref("gov_loket.helpdesk_ticket_team_kcc_demo")
        permits = self.env.ref("gov_loket.helpdesk_ticket_team_permits_demo")
        self.assertTrue(kcc.alias_id.alias_domain_id)
        self.assertEqual(kcc.alias_id.alias_full_name.split("@")[0], "vragen")
        self.assertEqual(permits.alias_id.alias_full_name.split("@")[0], "vergunningen")
        gateway = new_test_user(self.env, "demo_mailgate", groups="base.group_user")
        raw = raw_mail(
            to=kcc.alias_id.alias_full_name,
            sender="Fatima El Amrani <fatima.elamrani@example.org>",
        ).replace("mx.gemeente.test", "mx.demo.test")
        thread_id = (
            self.env["mail.thread"].with_user(gateway).message_process(None, raw)
        )
        ticket = self.env["helpdesk.ticket"].browse(thread_id)
        self.assertEqual(ticket.team_id, kcc)
        self.assertEqual(
            ticket.partner_id, self.env.ref("gov_loket.res_partner_citizen_demo")
        )
        self.assertTrue(ticket.deadline_date)
        acknowledgement = self.env["mail.mail"].search(
            [("model", "=", ticket._name), ("res_id", "=", ticket.id)]
        )
        self.assertIn(ticket.number, acknowledgement.subject)
