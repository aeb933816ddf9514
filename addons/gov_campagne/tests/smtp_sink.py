"""A real SMTP server on this machine for the tests: aiosmtpd in a thread.

Tests send through Odoo's own mail stack (mail.mail -> ir.mail_server ->
smtplib) and read the raw bytes the server received. Only the switch that
keeps Odoo from sending during tests is turned off.
"""

import email
import email.policy
import socket
import threading
from contextlib import contextmanager

from aiosmtpd.controller import Controller


class SinkHandler:
    """Keeps every message; ``answers`` can make it refuse the next ones."""

    def __init__(self):
        self.messages = []
        self.answers = []  # e.g. ["451 4.3.0 try later", "554 5.7.1 no"]
        self.close_after = None  # drop the connection after this many mails
        self.lock = threading.Lock()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.close_after is not None and len(self.messages) >= self.close_after:
            # The server dies between two mails of one session: the client
            # finds the connection gone while it sends the next one.
            self.close_after = None
            server.transport.close()
            return "421 4.3.2 Service shutting down"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            if self.answers:
                return self.answers.pop(0)
            self.messages.append(
                {
                    "mail_from": envelope.mail_from,
                    "rcpt_tos": list(envelope.rcpt_tos),
                    "raw": envelope.original_content or envelope.content,
                }
            )
        return "250 OK"


class SmtpSink:
    def __init__(self):
        self.handler = SinkHandler()
        self.controller = None
        self.port = None

    def start(self, port=0):
        self.controller = Controller(
            self.handler, hostname="127.0.0.1", port=port or self._free_port()
        )
        self.controller.start()
        self.port = self.controller.port
        return self

    @staticmethod
    def _free_port():
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    @property
    def messages(self):
        return self.handler.messages

    def parsed(self):
        return [
            email.message_from_bytes(m["raw"], policy=email.policy.default)
            for m in self.messages
        ]

    def to(self, address):
        """The raw messages whose envelope goes to ``address``."""
        return [m for m in self.messages if address in m["rcpt_tos"]]


class GovSmtpSinkMixin:
    """Mails of these tests really leave, to a sink started by the test.

    Mixed in before a TransactionCase.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sink = SmtpSink().start()
        cls.addClassCleanup(cls.sink.stop)
        # The organisation's address: topic updates come from it.
        cls.env.company.email = "info@provincie.example"
        cls.env["ir.mail_server"].search([]).active = False
        cls.mail_server = cls.env["ir.mail_server"].create(
            {
                "name": "Test sink",
                "smtp_host": "127.0.0.1",
                "smtp_port": cls.sink.port,
                "smtp_encryption": "none",
            }
        )
        IrMailServer = type(cls.env["ir.mail_server"])
        cls.classPatch(IrMailServer, "_disable_send", classmethod(lambda cls: False))

    def setUp(self):
        super().setUp()
        self.sink.handler.messages.clear()
        self.sink.handler.answers.clear()
        self.sink.handler.close_after = None

    def run_mail_queue(self, due_now=True):
        """One run of the mail queue, as the cron does (without commits)."""
        Mail = self.env["mail.mail"].sudo()
        if due_now:
            Mail.search([("state", "=", "outgoing")]).scheduled_date = False
        Mail.process_email_queue()

    @contextmanager
    def sink_down(self):
        """The SMTP server is away for the duration."""
        port = self.sink.port
        self.sink.stop()
        try:
            yield
        finally:
            self.sink.start(port)
