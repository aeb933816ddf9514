"""Raw RFC 822 mails as a mail server delivers them to the Loket aliases."""

import base64
import email.utils
import itertools

from odoo.tests import new_test_user

from .common import GovLoketCase

SERVER = "mx.gemeente.test"
AUTH_PASS = (
    f"Authentication-Results: {SERVER}; spf=pass smtp.mailfrom={{domain}};"
    " dkim=pass header.d={domain} header.s=sel1;"
    " dmarc=pass (p=reject dis=none) header.from={domain}"
)
AUTH_FAIL = (
    f"Authentication-Results: {SERVER}; spf=fail smtp.mailfrom=spoofer.test;"
    " dkim=none (no signature); dmarc=fail (p=reject) header.from={domain}"
)
_counter = itertools.count()


def raw_mail(
    subject="Bin not emptied",
    sender="Anna de Vries <anna@example.org>",
    to="vragen@gemeente.test",
    body="Good morning,\n\nThe paper bin in the Kerkstraat was not emptied.\n",
    auth="pass",
    headers=(),
    msg_id=None,
    content_type="text/plain; charset=utf-8",
    transfer_encoding="8bit",
):
    """A mail as str (7/8-bit) with the receiving server's authentication
    header on top; ``auth`` is "pass", "fail" or None (no header)."""
    domain = sender.rpartition("@")[2].strip(">")
    lines = []
    if auth == "pass":
        lines.append(AUTH_PASS.format(domain=domain))
    elif auth == "fail":
        lines.append(AUTH_FAIL.format(domain=domain))
    lines += [
        f"Received: from client.{domain} by {SERVER} (Postfix) with ESMTPS",
        f"Return-Path: <{sender.rpartition('<')[2].strip('>')}>",
        f"From: {sender}",
        f"To: {to}",
        f"Subject: {subject}",
        f"Date: {email.utils.formatdate()}",
        f"Message-ID: {msg_id or f'<loket-{next(_counter)}@{domain}>'}",
        "MIME-Version: 1.0",
        *headers,
    ]
    if content_type:
        lines += [
            f"Content-Type: {content_type}",
            f"Content-Transfer-Encoding: {transfer_encoding}",
        ]
    return "\r\n".join(lines) + "\r\n\r\n" + body


def multipart(*parts, subtype="mixed", boundary="=_loket_boundary"):
    """``(content type, body)`` of a multipart made of ``(headers, payload)``."""
    chunks = []
    for part_headers, payload in parts:
        chunks.append(f"--{boundary}\r\n" + "\r\n".join(part_headers) + "\r\n\r\n")
        chunks.append(payload + "\r\n")
    chunks.append(f"--{boundary}--\r\n")
    return f'multipart/{subtype}; boundary="{boundary}"', "".join(chunks)


def b64(data):
    encoded = base64.b64encode(data).decode()
    return "\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))


class LoketMailboxCase(GovLoketCase):
    """Two team aliases on gemeente.test; mail delivered by a non-admin."""

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
        cls.env.company.email = "loket@gemeente.test"
        cls.team_kcc = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "KCC",
                "alias_name": "vragen",
                "alias_domain_id": domain.id,
                "user_ids": [(6, 0, cls.front_desk.ids)],
            }
        )
        cls.team_permits.write(
            {"alias_name": "vergunningen", "alias_domain_id": domain.id}
        )
        cls.env["ir.config_parameter"].set_param("gov_loket.mail_authserv_id", SERVER)
        # The user the mail gateway (odoo-mailgate, fetchmail) logs in as.
        cls.gateway = new_test_user(cls.env, "loket_mailgate", groups="base.group_user")

    def deliver(self, raw):
        """Hand ``raw`` to the gateway; return the requests it made or fed."""
        before = self.Ticket.search([]).ids
        thread_id = (
            self.env["mail.thread"].with_user(self.gateway).message_process(None, raw)
        )
        self.env.flush_all()
        new = self.Ticket.search([("id", "not in", before)])
        return new, thread_id

    def mails_to(self, address):
        self.env.flush_all()
        return self.env["mail.mail"].search(
            ["|", ("email_to", "ilike", address), ("recipient_ids.email", "=", address)]
        )
