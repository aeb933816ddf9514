"""Load benchmark: simulated front-desk agents against Odoo with real workers.

Creates database ``gov_bench_load`` (address book, Loket, network) with
1,000,000 generated relations shaped like reality (bench_addressbook's data:
many people called Jansen), one user per agent, then for each number of agents
starts Odoo in multi-worker mode (one host, or two processes on the same
database and filestore with ``--hosts 2``), runs Locust headless
(bench/load/locustfile.py) and prints per step: requests per second,
p50/p95/p99 and failures. After each run it counts what the agents were told
was saved against the database: lost and duplicated records, and duplicated
"colleague knows contact" relations.

Usage: ./gov bench  (or: .work/venv/bin/python bench/bench_load.py --config
.work/odoo.conf [--agents 10,25,50,100] [--duration 60] [--workers 4]
[--hosts 2] [--partners N]). ``--smoke --url URL --db DB`` runs a few seconds
at 5 agents against a server that already runs (the test command does this).
"""

import argparse
import configparser
import csv
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".work"
LOAD_VENV = WORK / "load-venv"
LOCUSTFILE = ROOT / "bench" / "load" / "locustfile.py"
DB = "gov_bench_load"
MODULES = "gov_addressbook,gov_loket,gov_network"
PASSWORD = "Load-Agent-1"


def ensure_locust():
    """The Locust virtual environment, made once per requirements/load.txt."""
    requirements = ROOT / "requirements" / "load.txt"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()[:16]
    stamp = LOAD_VENV / f".complete-{digest}"
    if not stamp.exists():
        print("Installing Locust into .work/load-venv", flush=True)
        subprocess.run(
            [sys.executable, "-m", "venv", "--clear", str(LOAD_VENV)], check=True
        )
        pip = [str(LOAD_VENV / "bin" / "python"), "-m", "pip", "install", "-q"]
        done = subprocess.run(
            [*pip, "-r", str(requirements)], capture_output=True, text=True, check=False
        )
        if done.returncode:
            sys.exit(f"Installing Locust failed:\n{done.stderr}")
        stamp.touch()
    return LOAD_VENV / "bin" / "locust"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(env, agents, partners):
    """Agent users, a team lead and a request subject; generated relations."""
    if partners:
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_addressbook import generate  # noqa: PLC0415

        generate(env, partners)
    Users = env["res.users"].with_context(no_reset_password=True)
    groups = [
        env.ref("gov_loket.group_front_desk").id,
        env.ref("gov_addressbook.group_user").id,
    ]
    logins = [f"load_agent_{number}" for number in range(1, agents + 1)]
    have = set(Users.search([("login", "in", logins)]).mapped("login"))
    Users.create(
        [
            {
                "name": f"Load Agent {login.rsplit('_', 1)[1]}",
                "login": login,
                "password": PASSWORD,
                "group_ids": [(6, 0, groups)],
            }
            for login in logins
            if login not in have
        ]
    )
    team = env["helpdesk.ticket.team"].search(
        [("name", "=", "Load front desk")], limit=1
    )
    if not team:
        team = env["helpdesk.ticket.team"].create({"name": "Load front desk"})
    team.user_ids = [(4, uid) for uid in Users.search([("login", "in", logins)]).ids]
    subject = env["helpdesk.ticket.category"].search(
        [("name", "=", "Load subject")], limit=1
    )
    if not subject:
        subject = env["helpdesk.ticket.category"].create(
            {"name": "Load subject", "team_id": team.id}
        )
    if not env["res.partner"].search_count([("name", "ilike", "Jansen")], limit=1):
        env["res.partner"].create(
            [{"name": f"{first} Jansen"} for first in ("Jan", "Anna", "Piet", "Els")]
        )
    env.cr.commit()
    return logins, subject.id


def start_hosts(config, db, hosts, workers):
    """Odoo processes on one database and filestore; yields their URLs."""
    processes, urls = [], []
    for number in range(hosts):
        port = free_port()
        log = open(WORK / f"bench-load-host{number + 1}.log", "w")
        processes.append(
            subprocess.Popen(
                [
                    sys.executable,
                    str(ROOT / "tools" / "odoo-bin"),
                    *("-c", config, "-d", db, f"--db-filter=^{db}$"),
                    f"--http-port={port}",
                    f"--workers={workers}",
                    f"--gevent-port={free_port()}",
                    "--max-cron-threads=1",
                    "--log-level=warn",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        wait_until_up(urls)
    except BaseException:
        stop(processes)  # never leave servers behind
        raise
    return processes, urls


def wait_until_up(urls):
    for url in urls:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{url}/web/health", timeout=2).status_code == 200:
                    break
            except requests.RequestException:  # not listening or still busy
                time.sleep(0.5)
        else:
            sys.exit(f"Odoo at {url} did not start (see .work/bench-load-host*.log)")


def stop(processes):
    for process in processes:
        process.terminate()
    for process in processes:
        process.wait(timeout=60)


def run_locust(locust, urls, db, logins, subject_id, agents, duration, think):
    run = uuid.uuid4().hex[:8]
    with tempfile.TemporaryDirectory() as tmp:
        ack = Path(tmp) / "ack.json"
        env = dict(
            os.environ,
            GOV_LOAD_DB=db,
            GOV_LOAD_PASSWORD=PASSWORD,
            GOV_LOAD_LOGINS=",".join(logins[:agents]),
            GOV_LOAD_HOSTS=",".join(urls),
            GOV_LOAD_RUN=run,
            GOV_LOAD_ACK=str(ack),
            GOV_LOAD_SUBJECT=str(subject_id),
            GOV_LOAD_THINK=str(think),
        )
        subprocess.run(
            [
                str(locust),
                *("-f", str(LOCUSTFILE), "--headless", "--only-summary"),
                *("-u", str(agents), "-r", str(max(agents // 5, 1))),
                *("-t", f"{duration}s", "--host", urls[0], "--stop-timeout", "30"),
                "--csv",
                str(Path(tmp) / "load"),
            ],
            env=env,
            check=False,
            capture_output=True,
            text=True,
        )
        with open(Path(tmp) / "load_stats.csv") as stats_file:
            stats = list(csv.DictReader(stats_file))
        with open(Path(tmp) / "load_failures.csv") as failures_file:
            for row in csv.DictReader(failures_file):
                print(f"  failure x{row['Occurrences']} {row['Name']}: {row['Error']}")
        acknowledged = json.loads(ack.read_text()) if ack.exists() else {}
    return run, stats, acknowledged


def count_saved(env, run, acknowledged):
    """Lost and duplicated records of this run, and duplicated knows relations."""
    env.invalidate_all()
    prefix = f"load {run} %"
    moments = env["gov.contact.moment"].search_read(
        [("subject", "=like", prefix)], ["subject"]
    )
    tickets = env["helpdesk.ticket"].search_read([("name", "=like", prefix)], ["name"])
    saved_moments = [row["subject"] for row in moments]
    saved_tickets = [row["name"] for row in tickets]
    acked_moments = set(acknowledged.get("moments", []))
    acked_tickets = {name[:80] for name in acknowledged.get("tickets", [])}
    env.cr.execute(
        "SELECT count(*) FROM (SELECT 1 FROM res_partner_relation"
        " WHERE date_end IS NULL GROUP BY left_partner_id, right_partner_id, type_id"
        " HAVING count(*) > 1) duplicates"
    )
    return {
        "acknowledged": len(acked_moments) + len(acked_tickets),
        "lost": len(acked_moments - set(saved_moments))
        + len(acked_tickets - set(saved_tickets)),
        "duplicated": len(saved_moments)
        - len(set(saved_moments))
        + len(saved_tickets)
        - len(set(saved_tickets)),
        "duplicated_knows": env.cr.fetchone()[0],
    }


def report(agents, hosts, workers, stats, saved):
    print(f"\n{agents} agents, {hosts} host(s) x {workers} workers")
    print(f"  {'step':34} {'req/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} {'fail':>5}")
    for row in stats:
        if row["Name"] == "Aggregated" or row["Type"] != "POST":
            continue
        print(
            f"  {row['Name']:34} {float(row['Requests/s']):7.1f}"
            f" {row['50%']:>7} {row['95%']:>7} {row['99%']:>7}"
            f" {row['Failure Count']:>5}"
        )
    total = next((row for row in stats if row["Name"] == "Aggregated"), None)
    if total:
        print(
            f"  {'all':34} {float(total['Requests/s']):7.1f} {total['50%']:>7}"
            f" {total['95%']:>7} {total['99%']:>7} {total['Failure Count']:>5}"
        )
    print(
        f"  saved: {saved['acknowledged']} acknowledged, lost {saved['lost']},"
        f" duplicated {saved['duplicated']},"
        f" duplicated knows {saved['duplicated_knows']}"
    )
    failures = int(total["Failure Count"]) if total else 1
    return failures == 0 and not saved["lost"] and not saved["duplicated"]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--agents", default="10,25,50,100")
    parser.add_argument("--duration", type=int, default=60, help="seconds per run")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--hosts", type=int, default=1)
    parser.add_argument("--partners", type=int, default=1_000_000)
    parser.add_argument("--think", type=float, default=3.0, help="max think time (s)")
    parser.add_argument("--db", default=DB)
    parser.add_argument("--url", help="use this running server instead of starting one")
    parser.add_argument(
        "--smoke", action="store_true", help="5 agents, 5 s, no data generation"
    )
    args = parser.parse_args()
    if args.smoke:
        args.agents, args.duration, args.partners, args.think = "5", 10, 0, 0.5
    levels = [int(level) for level in args.agents.split(",")]
    locust = ensure_locust()

    sys.path.insert(0, str(ROOT / "bench"))
    from benchlib import bench_env  # noqa: PLC0415

    options = configparser.ConfigParser()
    options.read(args.config)
    ok = True
    with bench_env(args.config, args.db, MODULES) as env:
        logins, subject_id = prepare(env, max(levels), args.partners)
        for agents in levels:
            processes, urls = (
                ([], [args.url])
                if args.url
                else start_hosts(args.config, args.db, args.hosts, args.workers)
            )
            try:
                run, stats, acknowledged = run_locust(
                    locust,
                    urls,
                    args.db,
                    logins,
                    subject_id,
                    agents,
                    args.duration,
                    args.think,
                )
            finally:
                stop(processes)
            # Let the queued "knows" updates run before counting them.
            env["gov.network.knows.queue"]._cron_process()
            env.cr.commit()
            ok = (
                report(
                    agents,
                    len(urls),
                    args.workers,
                    stats,
                    count_saved(env, run, acknowledged),
                )
                and ok
            )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
