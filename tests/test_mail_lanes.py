"""Issue 21: a campaign mailing sent by the mail queue and the campaign lane at
the same time, on a running server, reaches every recipient exactly once."""

import socket
import threading
import uuid
from collections import Counter

import requests
from aiosmtpd.controller import Controller

RECIPIENTS = 120


class Counting:
    def __init__(self):
        self.received = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.received.update(envelope.rcpt_tos)
        return "250 OK"


def test_two_lanes_send_each_mail_once(odoo_url, odoo_db, admin_api_key):
    def call(model, method, **params):
        # A request of its own per call: the two lanes are two clients.
        answer = requests.post(
            f"{odoo_url}/json/2/{model}/{method}",
            headers={
                "Authorization": f"bearer {admin_api_key}",
                "X-Odoo-Database": odoo_db,
            },
            json=params,
            timeout=300,
        )
        assert answer.status_code == 200, answer.text
        return answer.json()

    def xmlid(module, name):
        [row] = call(
            "ir.model.data",
            "search_read",
            domain=[("module", "=", module), ("name", "=", name)],
            fields=["res_id"],
        )
        return row["res_id"]

    handler = Counting()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    sink = Controller(handler, hostname="127.0.0.1", port=port)
    sink.start()
    server_id = None
    try:
        run = uuid.uuid4().hex[:8]
        [tag] = call(
            "res.partner.category", "create", vals_list=[{"name": f"Lanes {run}"}]
        )
        emails = [f"lane.{run}.{i}@voorbeeld.example" for i in range(RECIPIENTS)]
        call(
            "res.partner",
            "create",
            vals_list=[
                {
                    "name": f"Ontvanger {i}",
                    "email": email,
                    "category_id": [(6, 0, [tag])],
                }
                for i, email in enumerate(emails)
            ],
        )
        [server_id] = call(
            "ir.mail_server",
            "create",
            vals_list=[
                {
                    "name": f"Lanes sink {run}",
                    "smtp_host": "127.0.0.1",
                    "smtp_port": sink.port,
                    "smtp_encryption": "none",
                }
            ],
        )
        [model] = call("ir.model", "search", domain=[("model", "=", "res.partner")])
        [mailing] = call(
            "mailing.mailing",
            "create",
            vals_list=[
                {
                    "subject": f"Twee banen {run}",
                    "body_html": "<p>Werk aan de weg.</p>",
                    "mailing_model_id": model,
                    "mailing_domain": f"[('category_id', 'in', [{tag}])]",
                    "mail_server_id": server_id,
                    "email_from": "communicatie@provincie.example",
                }
            ],
        )
        call("mailing.mailing", "action_launch", ids=[mailing])
        composer = xmlid("mass_mailing", "ir_cron_mass_mailing_queue")
        call("ir.cron", "method_direct_trigger", ids=[composer])

        queue = xmlid("mail", "ir_cron_mail_scheduler_action")
        lane = xmlid("gov_campagne", "ir_cron_mail_bulk_lane")

        def queued():
            return call(
                "mail.mail",
                "search_count",
                domain=[("mailing_id", "=", mailing), ("state", "=", "outgoing")],
            )

        assert queued() == RECIPIENTS
        for _round in range(5):
            lanes = [
                threading.Thread(
                    target=call,
                    args=("ir.cron", "method_direct_trigger"),
                    kwargs={"ids": [cron]},
                )
                for cron in (queue, lane)
            ]
            for thread in lanes:
                thread.start()
            for thread in lanes:
                thread.join(300)
            if not queued():
                break

        assert set(handler.received) == set(emails)
        assert max(handler.received.values()) == 1, "a mail went out twice"
        sent = call(
            "mailing.trace",
            "search_count",
            domain=[("mass_mailing_id", "=", mailing), ("trace_status", "=", "sent")],
        )
        assert sent == RECIPIENTS
    finally:
        if server_id:
            call("ir.mail_server", "unlink", ids=[server_id])
        sink.stop()
