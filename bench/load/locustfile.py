"""Front-desk agents for Locust: each logs in as its own user and does what the
front desk does, through the web client's own JSON-RPC routes, with think time.

Environment (set by bench/bench_load.py):
GOV_LOAD_DB, GOV_LOAD_PASSWORD, GOV_LOAD_LOGINS (comma list), GOV_LOAD_HOSTS
(comma list: agents are spread over them), GOV_LOAD_RUN (marker of this run),
GOV_LOAD_ACK (file to write the acknowledged records to), GOV_LOAD_SUBJECT
(id of the request subject), GOV_LOAD_THINK (max think time in seconds).
"""

import itertools
import json
import os
import random

from locust import HttpUser, between, events, task

DB = os.environ["GOV_LOAD_DB"]
PASSWORD = os.environ["GOV_LOAD_PASSWORD"]
LOGINS = os.environ["GOV_LOAD_LOGINS"].split(",")
HOSTS = os.environ["GOV_LOAD_HOSTS"].split(",")
RUN = os.environ["GOV_LOAD_RUN"]
SUBJECT_ID = int(os.environ["GOV_LOAD_SUBJECT"])
THINK = float(os.environ.get("GOV_LOAD_THINK", "3"))
# What people type in the one box: a common surname, two words in either order.
TERMS = [
    "Jansen",
    "de Vries",
    "Jan Jansen",
    "Jansen Jan",
    "Bakker",
    "van Dijk",
    "Visser",
]

_agent_numbers = itertools.count()
ACKNOWLEDGED = {"moments": [], "tickets": []}


@events.quitting.add_listener
def _write_acknowledged(environment, **_kwargs):
    with open(os.environ["GOV_LOAD_ACK"], "w") as ack:
        json.dump(ACKNOWLEDGED, ack)


class RpcFailed(Exception):
    pass


class FrontDeskAgent(HttpUser):
    wait_time = between(THINK / 3, THINK)
    host = HOSTS[0]

    def on_start(self):
        number = next(_agent_numbers)
        self.client.base_url = HOSTS[number % len(HOSTS)]
        self.login = LOGINS[number % len(LOGINS)]
        result = self.rpc(
            "/web/session/authenticate",
            {"db": DB, "login": self.login, "password": PASSWORD},
            "login",
        )
        self.uid = result["uid"]
        self.partner_ids = []
        self.ticket_ids = []
        self.colleague_ids = self.call(
            "res.users", "search", [[("login", "in", LOGINS)]], name="colleagues"
        )

    def rpc(self, path, params, name):
        body = {"jsonrpc": "2.0", "method": "call", "params": params}
        with self.client.post(
            path, json=body, name=name, catch_response=True
        ) as answer:
            try:
                data = answer.json()
            except ValueError:
                answer.failure(f"HTTP {answer.status_code}: no JSON")
                raise RpcFailed(name) from None
            if "error" in data:
                error = data["error"].get("data", {}).get("message") or data["error"]
                answer.failure(str(error)[:200])
                raise RpcFailed(name)
            answer.success()
            return data["result"]

    def call(self, model, method, args, kwargs=None, name=None):
        return self.rpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
            name or f"{model}.{method}",
        )

    def marker(self):
        return f"load {RUN} {self.login} {random.getrandbits(48):012x}"

    @task(5)
    def search(self):
        found = self.call(
            "res.partner",
            "name_search",
            [random.choice(TERMS)],
            {"limit": 8},
            name="1 one-box search",
        )
        self.partner_ids = [pid for pid, _name in found] or self.partner_ids

    @task(3)
    def open_relation(self):
        if not self.partner_ids:
            return
        self.call(
            "res.partner",
            "web_read",
            [[random.choice(self.partner_ids)]],
            {
                "specification": {
                    "display_name": {},
                    "email": {},
                    "phone": {},
                    "contact_moment_count": {},
                    "contact_moment_ids": {
                        "fields": {
                            "subject": {},
                            "channel": {},
                            "occurred_at": {},
                            "user_id": {"fields": {"display_name": {}}},
                        },
                        "limit": 40,
                        "order": "occurred_at desc",
                    },
                }
            },
            name="2 open relation with timeline",
        )

    @task(3)
    def register_contact(self):
        if not self.partner_ids:
            return
        subject = self.marker()
        self.call(
            "gov.contact.moment",
            "create",
            [
                {
                    "partner_id": random.choice(self.partner_ids),
                    "subject": subject,
                    "channel": "phone",
                }
            ],
            name="3 register contact",
        )
        ACKNOWLEDGED["moments"].append(subject)

    @task(2)
    def register_call_with_two_questions(self):
        if not self.partner_ids:
            return
        first, second = self.marker(), self.marker()
        colleague = random.choice(self.colleague_ids)
        register_id = self.call(
            "gov.loket.register",
            "create",
            [
                {
                    "partner_id": random.choice(self.partner_ids),
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "category_id": SUBJECT_ID,
                                "question": first,
                                "outcome": "handed_over",
                                "user_id": colleague,
                            },
                        ),
                        (
                            0,
                            0,
                            {
                                "category_id": SUBJECT_ID,
                                "question": second,
                                "outcome": "callback",
                            },
                        ),
                    ],
                }
            ],
            name="4 register call (2 questions)",
        )
        self.call(
            "gov.loket.register",
            "action_register",
            [[register_id]],
            name="4 register call (2 questions)",
        )
        ACKNOWLEDGED["tickets"] += [first, second]
        # The handed-over question is the one that gets handed on and
        # answered; a call-back note is answered by phone, not here.
        self.ticket_ids += self.call(
            "helpdesk.ticket",
            "search",
            [[("name", "=", first[:80])]],
            name="4 register call (2 questions)",
        )

    @task(1)
    def hand_over(self):
        if not self.ticket_ids:
            return
        self.call(
            "helpdesk.ticket",
            "action_hand_over",
            [
                [random.choice(self.ticket_ids)],
                random.choice(self.colleague_ids),
                "Graag oppakken",
            ],
            name="5 hand over",
        )

    @task(1)
    def answer(self):
        if not self.ticket_ids:
            return
        ticket = self.ticket_ids.pop()
        self.call(
            "helpdesk.ticket",
            "action_answer",
            [[ticket], "Zo is het geregeld.", "email"],
            name="6 answer",
        )

    @task(1)
    def dashboard(self):
        self.call(
            "helpdesk.ticket", "get_loket_dashboard", [], name="7 team lead dashboard"
        )
