"""Benchmark of campaign mail delivery (issue 21, point 8) to a local SMTP sink.

A campaign mailing to ``--recipients`` relations goes through Odoo's real mail
stack: the mailing queue composes the mails (mailing -> mail.mail and traces),
the mail queue sends them (mail.mail -> ir.mail_server -> smtplib), both run as
the cron worker runs them (``method_direct_trigger``: own cursor, progress
commits, a commit after every mail). The SMTP server is aiosmtpd in a child
process on this machine, started by the benchmark; it counts what it received
per envelope recipient, which is compared with the mailing's recipients:
lost = recipients with no message, duplicated = messages beyond the first.
Target: 100,000 recipients in under 20 minutes (83 mails/s) on two cores.

Database ``gov_bench_mail`` (gov_campagne, no demo data) is created once and
reused; the relations are generated with SQL: Dutch names, nine in ten Dutch
speaking, a few per cent do-not-contact, deceased, blacklisted or preferring
an SMS, so the exclusions and channel split have work to do. Each run removes
the previous run's mailing, traces and contact moments first.

Usage: ./gov bench  (or: .work/venv/bin/python bench/bench_mail.py --config
.work/odoo.conf [--recipients N] [--profile FILE])
"""

import argparse
import cProfile
import multiprocessing
import pstats
import socket
import time
from collections import Counter

from benchlib import bench_env

DB = "gov_bench_mail"
RECIPIENTS = 100_000
TAG = "Bench mail nieuwsbrief"
REF = "bml-"
SENDER = '"Provincie Overijssel" <communicatie@provincie.example>'

FIRST = [
    "Jan", "Anna", "Pieter", "Sanne", "Mohamed", "Fatima", "Daan", "Emma",
    "Lucas", "Julia", "Bram", "Sophie", "Ahmet", "Lotte", "Kees", "Noor",
]  # fmt: skip
LAST = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer",
    "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "Yilmaz", "El Amrani", "van Dijk", "Dekker", "Brouwer", "Kok",
]  # fmt: skip
DOMAINS = ["example.nl", "example.com", "example.org", "voorbeeld.example"]

BODY = """
<div style="max-width: 600px; font-family: Arial, sans-serif;">
  <h1>Nieuwsbrief wegwerkzaamheden N35</h1>
  <p>Beste inwoner,</p>
  <p>Van 1 juli tot en met 25 augustus werkt de provincie aan de N35 tussen
  Zwolle en Wijthmen. De weg is in die periode 's nachts afgesloten; overdag
  is er &eacute;&eacute;n rijstrook per richting open. Omleidingen staan met
  gele borden aangegeven.</p>
  <h2>Wat betekent dit voor u?</h2>
  <ul>
    <li>Bussen rijden een andere route: zie
      <a href="https://www.provincie.example/bus">de dienstregeling</a>.</li>
    <li>Fietsers kunnen de hele periode door, via de parallelweg.</li>
    <li>Hulpdiensten kunnen altijd langs.</li>
  </ul>
  <p><img src="https://www.provincie.example/img/n35-kaart.png"
          alt="Kaart van de omleiding" width="560"/></p>
  <p>Meer informatie en de planning per week vindt u op
  <a href="https://www.provincie.example/n35">provincie.example/n35</a>.
  Vragen? Bel 038 499 88 99 of mail naar
  <a href="mailto:n35@provincie.example">n35@provincie.example</a>.</p>
  <p>Met vriendelijke groet,<br/>Team Wegen, Provincie Overijssel</p>
</div>
"""


# ---------------------------------------------------------------------------
# The SMTP sink: aiosmtpd in a child process, so it does not take the GIL of
# the process that sends.
# ---------------------------------------------------------------------------


def _sink_process(port, conn):
    from aiosmtpd.controller import Controller  # noqa: PLC0415

    class Handler:
        def __init__(self):
            self.received = Counter()
            self.bad_header = 0
            self.messages = 0

        async def handle_DATA(self, server, session, envelope):
            content = envelope.original_content or envelope.content
            self.messages += 1
            if b"\r\nList-Unsubscribe: <http" not in content:
                self.bad_header += 1
            self.received.update(envelope.rcpt_tos)
            return "250 OK"

    handler = Handler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    conn.send("ready")
    while True:
        command = conn.recv()
        if command == "count":
            conn.send(handler.messages)
        elif command == "stop":
            conn.send((dict(handler.received), handler.messages, handler.bad_header))
            break
    controller.stop()


class Sink:
    def start(self):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_sink_process, args=(self.port, child))
        self.process.start()
        assert self.conn.recv() == "ready"
        return self

    def count(self):
        self.conn.send("count")
        return self.conn.recv()

    def stop(self):
        """(messages per recipient, messages, messages without the header)"""
        self.conn.send("stop")
        result = self.conn.recv()
        self.process.join(10)
        return result


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


def generate(env, recipients):
    """Enough relations that ``recipients`` remain after the exclusions."""
    cr = env.cr
    env["res.lang"]._activate_lang("nl_NL")
    want = recipients * 110 // 100 + 100
    cr.execute("SELECT count(*) FROM res_partner WHERE ref LIKE %s", [f"{REF}%"])
    have = cr.fetchone()[0]
    if have < want:
        print(f"Generating {want - have:,} relations ...", flush=True)
        cr.execute(
            """
            INSERT INTO res_partner (name, complete_name, gov_sort_name, email,
                   email_normalized, city, zip, ref, active, type, is_company,
                   gov_party_type, gov_do_not_contact, gov_deceased, lang,
                   preferred_channel, phone, phone_sanitized,
                   create_date, write_date)
            SELECT p.name, p.name, lower(p.name), p.email, p.email,
                   (ARRAY['Zwolle','Deventer','Kampen','Almelo','Hengelo'])[1 + g %% 5],
                   lpad((1000 + g %% 9000)::text, 4, '0') || ' AB', %(ref)s || g,
                   true, 'contact', false, 'citizen',
                   g %% 50 = 0, g %% 97 = 0,
                   CASE WHEN g %% 10 = 3 THEN 'en_US' ELSE 'nl_NL' END,
                   CASE WHEN g %% 100 = 2 THEN 'sms' END,
                   CASE WHEN g %% 100 = 2
                        THEN '06 ' || lpad((g %% 100000000)::text, 8, '0') END,
                   CASE WHEN g %% 100 = 2
                        THEN '+316' || lpad((g %% 100000000)::text, 8, '0') END,
                   now(), now()
              FROM generate_series(%(start)s, %(stop)s) g,
                   LATERAL (SELECT
                       (%(first)s::text[])[1 + g %% 16] || ' '
                           || (%(last)s::text[])[1 + (g / 16) %% 20] AS name,
                       lower(replace((%(first)s::text[])[1 + g %% 16] || '.'
                           || (%(last)s::text[])[1 + (g / 16) %% 20], ' ', ''))
                           || '.' || g || '@' || (%(domains)s::text[])[1 + g %% 4]
                           AS email) p
            """,
            {
                "ref": REF,
                "start": have + 1,
                "stop": want,
                "first": FIRST,
                "last": LAST,
                "domains": DOMAINS,
            },
        )
        cr.execute(
            """
            INSERT INTO mail_blacklist (email, active, create_date, write_date)
            SELECT email_normalized, true, now(), now() FROM res_partner
             WHERE ref LIKE %s AND id %% 61 = 0
            ON CONFLICT DO NOTHING
            """,
            [f"{REF}%"],
        )
    tag = env["res.partner.category"].search([("name", "=", TAG)], limit=1)
    if not tag:
        tag = env["res.partner.category"].create({"name": TAG})
    cr.execute(
        """
        INSERT INTO res_partner_res_partner_category_rel (category_id, partner_id)
        SELECT %(tag)s, id FROM res_partner WHERE ref LIKE %(ref)s
        ON CONFLICT DO NOTHING
        """,
        {"tag": tag.id, "ref": f"{REF}%"},
    )
    cr.execute("ANALYZE res_partner")
    cr.commit()
    return tag


def clean_previous_runs(env):
    """The mailings of earlier runs with their mails, traces and moments."""
    mailings = (
        env["mailing.mailing"]
        .with_context(active_test=False)
        .search([("subject", "=like", "Bench mail:%")])
    )
    if mailings:
        cr = env.cr
        cr.execute(
            "DELETE FROM gov_contact_moment WHERE res_model = %s AND res_id = ANY(%s)",
            ["mailing.mailing", mailings.ids],
        )
        cr.execute("DELETE FROM mail_mail WHERE mailing_id = ANY(%s)", [mailings.ids])
        cr.execute(
            """DELETE FROM sms_sms WHERE partner_id IN (
                   SELECT id FROM res_partner WHERE ref LIKE %s)""",
            [f"{REF}%"],
        )
        campaigns = mailings.gov_campaign_id
        mailings.unlink()
        campaigns.unlink()
    env["ir.mail_server"].search([]).active = False
    env.company.email = "info@provincie.example"
    cr = env.cr
    cr.commit()


def setup_mailing(env, tag, recipients, port):
    env["ir.mail_server"].create(
        {
            "name": "Bench sink",
            "smtp_host": "127.0.0.1",
            "smtp_port": port,
            "smtp_encryption": "none",
        }
    )
    audience = f"[('category_id', 'in', [{tag.id}])]"
    campaign = env["gov.campaign"].create(
        {"name": "Bench N35", "audience_domain": audience, "email_from": SENDER}
    )
    values = {
        "subject": "Bench mail: wegwerkzaamheden N35",
        "body_html": BODY,
        "mailing_model_id": env["ir.model"]._get_id("res.partner"),
        "mailing_domain": audience,
        "gov_campaign_id": campaign.id,
    }
    mailing = env["mailing.mailing"].create(values)
    # Cut the audience at the relation that makes ``recipients`` e-mails.
    everyone = sorted(mailing._get_remaining_recipients())
    if len(everyone) < recipients:
        raise SystemExit(f"only {len(everyone)} recipients generated")
    cutoff = everyone[recipients - 1]
    mailing.mailing_domain = (
        f"[('category_id', 'in', [{tag.id}]), ('id', '<=', {cutoff})]"
    )
    expected = mailing._get_remaining_recipients()
    assert len(expected) == recipients, len(expected)
    Partner = env["res.partner"].browse(expected)
    emails = Counter(Partner.mapped("email_normalized"))
    env.cr.commit()
    return mailing, emails


# ---------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------


def run_cron(env, xmlid):
    env.ref(xmlid).method_direct_trigger()
    env.cr.commit()
    env.invalidate_all()


def send(env, mailing, sink, recipients, config, lanes):
    cr = env.cr

    def outgoing():
        cr.execute(
            "SELECT count(*) FROM mail_mail WHERE mailing_id = %s AND state = %s",
            [mailing.id, "outgoing"],
        )
        return cr.fetchone()[0]

    started = time.perf_counter()
    mailing.action_launch()
    cr.commit()
    lane = None
    if lanes > 1:
        # The second lane in a process of its own, as a second cron worker:
        # it sends what the mailing queue has composed so far, as in Odoo.
        ctx = multiprocessing.get_context("spawn")
        lane = ctx.Process(
            target=_lane_process,
            args=(
                config,
                env.cr.dbname,
                "gov_campagne.ir_cron_mail_bulk_lane",
                mailing.id,
            ),
        )
        lane.start()
    while True:
        run_cron(env, "mass_mailing.ir_cron_mass_mailing_queue")
        if mailing.state == "done":
            break
    composed = time.perf_counter()
    delivered_while_composing = sink.count()
    cpu_started = time.process_time()
    print(
        f"  composed {recipients:,} mails in {composed - started:.1f} s "
        f"({recipients / (composed - started):,.0f} mails/s)"
        + (", the second lane sending meanwhile" if lane else ""),
        flush=True,
    )
    stalled = 0
    while (left := outgoing()) and stalled < 3:
        before = sink.count()
        run_cron(env, "mail.ir_cron_mail_scheduler_action")
        done = sink.count()
        elapsed = time.perf_counter() - composed
        print(
            f"  ... {done:,} delivered, {left - (done - before):,} to go, "
            f"{done / elapsed:,.1f} mails/s",
            flush=True,
        )
        stalled = stalled + 1 if done == before else 0
    if lane:
        lane.join(60)
    finished = time.perf_counter()
    print(
        f"  CPU of the mail queue's process: "
        f"{(time.process_time() - cpu_started) * 1000 / recipients:.1f} ms per mail "
        "(all mails counted, the other lane's included)",
        flush=True,
    )
    return composed - started, finished - composed, delivered_while_composing


def _lane_process(config, db, xmlid, mailing_id):
    """Run the cron ``xmlid`` until the mailing is composed and all sent."""
    from benchlib import bench_env  # noqa: PLC0415

    with bench_env(config, db, "gov_campagne") as env:
        while True:
            env.cr.execute(
                "SELECT count(*) FROM mail_mail WHERE state = 'outgoing' "
                "AND gov_sending_started IS NULL AND mailing_id = %s",
                [mailing_id],
            )
            queued = env.cr.fetchone()[0]
            env.cr.execute(
                "SELECT state FROM mailing_mailing WHERE id = %s", [mailing_id]
            )
            composing = env.cr.fetchone()[0] != "done"
            env.cr.commit()
            if queued:
                run_cron(env, xmlid)
            elif composing:
                time.sleep(0.2)
            else:
                break


def report(env, mailing, emails, sink_result, timings):
    t_compose, t_send, early = timings
    received, messages, bad_header = sink_result
    lost = sum(1 for address in emails if address not in received)
    duplicated = sum(count - 1 for count in received.values() if count > 1)
    unexpected = sum(
        count for address, count in received.items() if address not in emails
    )
    recipients = len(emails)
    total = t_compose + t_send
    env.invalidate_all()
    cr = env.cr
    cr.execute(
        """SELECT trace_status, count(*) FROM mailing_trace
            WHERE mass_mailing_id = %s GROUP BY 1""",
        [mailing.id],
    )
    traces = dict(cr.fetchall())
    cr.execute(
        """SELECT count(*), count(DISTINCT partner_id) FROM gov_contact_moment
            WHERE res_model = %s AND res_id = %s AND channel = %s""",
        ["mailing.mailing", mailing.id, "email"],
    )
    moments, moment_partners = cr.fetchone()
    print(f"\nCampaign mailing to {recipients:,} recipients through a local SMTP sink")
    print(f"  {'composing (mailing queue)':<40}{t_compose:>9.1f} s")
    print(f"  {'delivered while composing':<40}{early:>9,} mails")
    print(
        f"  {'then sending the rest':<40}{t_send:>9.1f} s"
        f"{(recipients - early) / t_send:>9.1f} mails/s"
    )
    print(f"  {'total':<40}{total:>9.1f} s{recipients / total:>9.1f} mails/s")
    per_100k = total / recipients * 100_000
    print(
        f"  100,000 recipients at this rate: {per_100k / 60:.1f} min "
        f"(target < 20 min): {'OK' if per_100k < 1200 else 'TOO SLOW'}"
    )
    print(
        f"  received {messages:,} messages; lost {lost}, duplicated {duplicated}, "
        f"unexpected {unexpected}, without List-Unsubscribe <URL> {bad_header}"
    )
    print(
        f"  traces {traces}; e-mail contact moments {moments:,} "
        f"({moment_partners:,} relations)"
    )
    return lost == 0 and duplicated == 0 and unexpected == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--recipients", type=int, default=RECIPIENTS)
    parser.add_argument(
        "--lanes",
        type=int,
        default=2,
        choices=(1, 2),
        help="sending lanes (cron workers)",
    )
    parser.add_argument("--profile", help="write a cProfile of the run to this file")
    # ./gov bench passes its arguments to every bench script: ignore the others'.
    args, _ = parser.parse_known_args()

    with bench_env(args.config, DB, "gov_campagne") as env:
        tag = generate(env, args.recipients)
        clean_previous_runs(env)
        sink = Sink().start()
        try:
            mailing, emails = setup_mailing(env, tag, args.recipients, sink.port)
            profile = cProfile.Profile() if args.profile else None
            if profile:
                profile.enable()
            timings = send(env, mailing, sink, args.recipients, args.config, args.lanes)
            if profile:
                profile.disable()
                profile.dump_stats(args.profile)
                pstats.Stats(args.profile).sort_stats("cumulative").print_stats(40)
        finally:
            result = sink.stop()
        ok = report(env, mailing, emails, result, timings)
        if not ok:
            raise SystemExit("mails were lost or duplicated")


if __name__ == "__main__":
    main()
