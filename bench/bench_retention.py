"""Benchmark of the retention job (issue 18: AVG for real).

Generates partners with two contact moments each with the address book's
generator (bench_addressbook.generate, set-based SQL), moves a quarter of the
moments three years back (expired under the default rule "Contact moments:
anonymise after one year"), and runs the retention job as the cron does, batch
by batch with a commit each. Meanwhile a "front desk" thread works on the same
relations in short transactions (update a relation that has expired moments,
register a contact moment for it, update one of its expired moments), so the
longest time a front-desk statement waited shows whether the job blocks anyone.

Reports: duration and records per second, database and table size before and
after (and after a plain VACUUM), the longest and p99 front-desk statement time,
and the longest lock wait of any session seen in pg_stat_activity (sampled every
50 ms).

Target (issue 18): 2,000,000 moments of which 500,000 expired in under 10
minutes, no front-desk wait above one second.

Usage: .work/venv/bin/python bench/bench_retention.py --config .work/odoo.conf
       [--moments 2000000] [--action anonymise|delete] [--db NAME]
"""

import argparse
import random
import threading
import time

from bench_addressbook import MOMENTS_PER_PARTNER, generate
from benchlib import bench_env, percentile

MOMENTS = 2_000_000
EXPIRED_SHARE = 4  # one moment in four is expired
DB = "gov_bench_retention"


def expire(env):
    """Move every fourth generated moment (and only those) three years back."""
    cr = env.cr
    cr.execute(
        "UPDATE gov_contact_moment SET occurred_at = now() - interval '3 years'"
        " WHERE id %% %s = 0 AND occurred_at > now() - interval '1 year'",
        [EXPIRED_SHARE],
    )
    cr.execute(
        "SELECT count(*) FILTER (WHERE occurred_at < now() - interval '1 year'),"
        " count(*) FROM gov_contact_moment"
    )
    expired, total = cr.fetchone()
    cr.execute("ANALYZE gov_contact_moment")
    cr.commit()
    return expired, total


def sizes(cr):
    cr.execute(
        "SELECT pg_database_size(current_database()),"
        " pg_total_relation_size('gov_contact_moment')"
    )
    return cr.fetchone()


def mb(size):
    return f"{size / 1024 / 1024:,.0f} MB"


class FrontDesk(threading.Thread):
    """Short front-desk transactions on relations whose moments expire."""

    def __init__(self, dsn, partner_ids, moment_ids):
        super().__init__(daemon=True)
        self.dsn, self.partner_ids, self.moment_ids = dsn, partner_ids, moment_ids
        self.durations, self.stop, self.errors = [], threading.Event(), 0

    def run(self):
        import psycopg2  # noqa: PLC0415 - only in the thread

        conn = psycopg2.connect(**self.dsn)
        cur = conn.cursor()
        cur.execute("SET lock_timeout = '10s'")
        conn.commit()
        while not self.stop.is_set():
            partner = random.choice(self.partner_ids)
            moment = random.choice(self.moment_ids)
            for sql, params in (
                ("UPDATE res_partner SET write_date = now() WHERE id = %s", [partner]),
                (
                    "INSERT INTO gov_contact_moment (partner_id, channel, direction,"
                    " subject, occurred_at, confidentiality, create_date, write_date)"
                    " VALUES (%s, 'phone', 'inbound', 'Front desk call', now(),"
                    " 'intern', now(), now())",
                    [partner],
                ),
                (
                    "UPDATE gov_contact_moment SET write_date = now() WHERE id = %s",
                    [moment],
                ),
            ):
                started = time.perf_counter()
                try:
                    cur.execute(sql, params)
                    conn.commit()
                except psycopg2.Error:
                    conn.rollback()
                    self.errors += 1
                self.durations.append(time.perf_counter() - started)
            time.sleep(0.05)
        conn.close()


class LockWatch(threading.Thread):
    """Samples pg_stat_activity every 50 ms: the longest time any session of
    this database was seen waiting for a lock."""

    def __init__(self, dsn):
        super().__init__(daemon=True)
        self.dsn, self.longest, self.stop = dsn, 0.0, threading.Event()

    def run(self):
        import psycopg2  # noqa: PLC0415 - only in the thread

        conn = psycopg2.connect(**self.dsn)
        conn.autocommit = True
        cur = conn.cursor()
        while not self.stop.is_set():
            cur.execute(
                "SELECT coalesce(max(extract(epoch FROM clock_timestamp()"
                " - state_change)), 0) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            self.longest = max(self.longest, float(cur.fetchone()[0]))
            time.sleep(0.05)
        conn.close()


def dsn_of(env):
    from odoo.sql_db import connection_info_for  # noqa: PLC0415

    _db, info = connection_info_for(env.cr.dbname)
    return {k: v for k, v in info.items() if k != "dsn"}


def run_job(env, action):
    Rule = env["gov.retention.rule"]
    rules = Rule.search([])
    rules.filtered(lambda r: r.kind != "contact_moment").active = False
    rules = rules.filtered(lambda r: r.kind == "contact_moment")
    rules.action = action
    env.cr.commit()
    cr = env.cr
    cr.execute(
        "SELECT id, partner_id FROM gov_contact_moment"
        " WHERE occurred_at < now() - interval '1 year'"
        " AND confidentiality != 'vertrouwelijk' ORDER BY random() LIMIT 2000"
    )
    rows = cr.fetchall()
    desk = FrontDesk(dsn_of(env), [r[1] for r in rows], [r[0] for r in rows])
    watch = LockWatch(dsn_of(env))
    desk.start()
    watch.start()
    started = time.monotonic()
    done = Rule._gov_apply_retention(
        commit=env["ir.cron"]._commit_progress, isolate=True
    )
    duration = time.monotonic() - started
    desk.stop.set()
    watch.stop.set()
    desk.join()
    watch.join()
    return sum(done.values()), duration, desk, watch


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--moments", type=int, default=MOMENTS)
    parser.add_argument(
        "--action", choices=["anonymise", "delete"], default="anonymise"
    )
    parser.add_argument("--db", default=DB)
    # ./gov bench passes the same options to every bench script.
    args, _unknown = parser.parse_known_args()

    with bench_env(args.config, args.db, "gov_addressbook") as env:
        cr = env.cr
        generate(env, args.moments // MOMENTS_PER_PARTNER)
        expired, total = expire(env)
        print(f"{total:,} contact moments, {expired:,} past their term", flush=True)
        db_before, table_before = sizes(cr)
        count, duration, desk, watch = run_job(env, args.action)
        db_after, table_after = sizes(cr)
        print(
            f"Retention job ({args.action}): {count:,} moments in {duration:.0f} s"
            f" ({count / max(duration, 0.001):,.0f}/s)"
        )
        print(
            f"Database {mb(db_before)} -> {mb(db_after)};"
            f" gov_contact_moment {mb(table_before)} -> {mb(table_after)}"
        )
        cr.commit()
        cr._cnx.set_isolation_level(0)  # VACUUM cannot run in a transaction
        cr.execute("VACUUM ANALYZE gov_contact_moment")
        db_vacuum, table_vacuum = sizes(cr)
        print(
            f"After VACUUM: database {mb(db_vacuum)}, gov_contact_moment"
            f" {mb(table_vacuum)} (space reused by new rows; VACUUM FULL would"
            " return it to the system)"
        )
        waits = desk.durations or [0]
        print(
            f"Front desk: {len(waits):,} statements during the job, longest"
            f" {max(waits) * 1000:.0f} ms, p99 {percentile(waits, 99) * 1000:.0f} ms,"
            f" {desk.errors} errors; longest lock wait seen in the database"
            f" {watch.longest * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
