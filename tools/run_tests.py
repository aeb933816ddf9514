"""Run the whole test suite: each gov addon alone, all together, then the
cross-addon tests in tests/ against a running server. Prints one closing line
"N passed, N failed, N skipped" and exits non-zero on any failure or on zero tests.
"""

import argparse
import configparser
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import psycopg2
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".work"
LOGS = WORK / "test-logs"
GOV_ADDONS = [
    "gov_addressbook",
    "gov_loket",
    "gov_campagne",
    "gov_network",
    "gov_gemma_sync",
    "gov_addressbook_certification",
    "gov_addressbook_import",
    "gov_klantinteracties",
]
# The addon whose tests also run through pytest-odoo, so that way cannot rot: a small
# one, as the run costs no new database.
PYTEST_ODOO_ADDON = "gov_addressbook_certification"
RESULT_LINE = re.compile(
    r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests"
)
LOG_LEVEL = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL|WARNING) \S+ (\S+): (.*)$")
# Warnings that mean a real defect (STYLE.md): missing access rules, bad views.
FATAL_WARNINGS = re.compile(r"no access rules|access rights|Invalid|invalid view")


class Outcome:
    def __init__(self):
        self.passed = self.failed = self.skipped = 0
        self.problems = []

    def add(self, label, passed, failed, skipped, problems):
        self.passed += passed
        self.failed += failed
        self.skipped += skipped
        self.problems += [f"{label}: {problem}" for problem in problems]
        print(
            f"  {label}: {passed} passed, {failed} failed, {skipped} skipped",
            flush=True,
        )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def odoo_cmd(config, *args):
    return [sys.executable, "-m", "odoo", "-c", config, *args]


def read_config(path):
    parser = configparser.ConfigParser()
    parser.read(path)
    return parser["options"]


def drop_db(config, name):
    options = read_config(config)
    conn = psycopg2.connect(
        dbname="postgres",
        host=options["db_host"],
        port=options["db_port"],
        user=options["db_user"],
        password=options["db_password"],
    )
    conn.autocommit = True
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
        sql.Identifier(name)
    )
    with conn.cursor() as cr:
        for attempt in range(3):
            try:
                cr.execute(drop)
                break
            except psycopg2.Error:
                # A background worker (autovacuum) may still hold the database.
                if attempt == 2:
                    raise
                time.sleep(2)
    conn.close()
    shutil.rmtree(Path(options["data_dir"]) / "filestore" / name, ignore_errors=True)


def run_odoo_tests(config, db, modules, label, outcome):
    """Install ``modules`` on a new database ``db`` and run their tests."""
    drop_db(config, db)
    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / f"{db}.log"
    tags = ",".join(f"/{name}" for name in modules)
    started = time.monotonic()
    with log_path.open("w") as log_file:
        proc = subprocess.run(
            odoo_cmd(
                config,
                "-d",
                db,
                "-i",
                ",".join(modules),
                "--test-enable",
                f"--test-tags={tags}",
                "--stop-after-init",
                f"--http-port={free_port()}",
                f"--gevent-port={free_port()}",
                "--log-level=info",
                "--max-cron-threads=0",
            ),
            stdout=log_file,
            stderr=subprocess.STDOUT,
            check=False,
        )
    failed = errors = total = 0
    problems = []
    skipped = 0
    for line in log_path.read_text(errors="replace").splitlines():
        match = RESULT_LINE.search(line)
        if match:
            failed, errors, total = (int(group) for group in match.groups())
            continue
        if " skipped " in line and "odoo.tests" in line:
            skipped += 1
        level = LOG_LEVEL.match(line)
        if level and (
            level.group(1) in ("ERROR", "CRITICAL")
            or FATAL_WARNINGS.search(level.group(3))
        ):
            problems.append(f"{level.group(1)} {level.group(2)}: {level.group(3)}")
    bad = failed + errors
    if not total:
        problems.append("no test ran")
    if proc.returncode and not bad:
        problems.append(f"odoo exited with code {proc.returncode}")
    if problems and not bad:
        bad = 1  # an error in the log without a failing test still fails the run
    print(f"  ({time.monotonic() - started:.0f} s, log: {log_path})", flush=True)
    outcome.add(
        label, max(total - failed - errors - skipped, 0), bad, skipped, problems
    )
    return proc.returncode == 0 and not problems


def add_junit(label, junit, outcome):
    """Count the tests of a pytest run from its JUnit report."""
    if not junit.exists():
        outcome.add(label, 0, 1, 0, ["pytest wrote no report"])
        return
    suite = ET.parse(junit).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total = int(suite.get("tests", 0))
    failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped = int(suite.get("skipped", 0))
    problems = [] if total else ["no test ran"]
    outcome.add(
        label, total - failed - skipped, max(failed, len(problems)), skipped, problems
    )


def run_pytest(config, db, outcome):
    junit = LOGS / "pytest.xml"
    junit.unlink(missing_ok=True)
    env = dict(os.environ, GOV_ODOO_CONFIG=config, GOV_TEST_DB=db)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            f"--junitxml={junit}",
            str(ROOT / "tests"),
        ],
        env=env,
        check=False,
    )
    add_junit("tests/ (cross-addon)", junit, outcome)


def run_pytest_odoo(config, db, addon, outcome):
    """The addon's tests again, through pytest-odoo on the database its own run left
    installed: the way developers run them from an editor (addons/pytest.ini)."""
    junit = LOGS / f"pytest-odoo-{addon}.xml"
    junit.unlink(missing_ok=True)
    started = time.monotonic()
    with (LOGS / f"pytest-odoo-{addon}.log").open("w") as log_file:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                f"--odoo-config={config}",
                f"--odoo-database={db}",
                f"--junitxml={junit}",
                str(ROOT / "addons" / addon),
            ],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            check=False,
        )
    print(f"  ({time.monotonic() - started:.0f} s)", flush=True)
    add_junit(f"{addon} through pytest-odoo", junit, outcome)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument(
        "addons", nargs="*", help="test only these addons (default: all, plus tests/)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the test databases")
    parser.add_argument(
        "--db-prefix",
        default="gov_test",
        help="name prefix of the throw-away databases (default: gov_test)",
    )
    args = parser.parse_args()
    selected = args.addons or GOV_ADDONS
    unknown = set(selected) - set(GOV_ADDONS)
    if unknown:
        parser.error(f"unknown addon(s): {', '.join(sorted(unknown))}")

    started = time.monotonic()
    outcome = Outcome()
    databases = []
    for addon in selected:
        db = f"{args.db_prefix}_{addon}"
        databases.append(db)
        print(f"Installing and testing {addon} alone on database {db}", flush=True)
        run_odoo_tests(args.config, db, [addon], f"{addon} alone", outcome)
        if addon == PYTEST_ODOO_ADDON:
            print(f"Testing {addon} through pytest-odoo on {db}", flush=True)
            run_pytest_odoo(args.config, db, addon, outcome)
    if not args.addons:
        db = f"{args.db_prefix}_all"
        databases.append(db)
        print(f"Installing all gov addons together on database {db}", flush=True)
        run_odoo_tests(args.config, db, GOV_ADDONS, "all addons together", outcome)
        print("Cross-addon and integrator tests (pytest, tests/)", flush=True)
        run_pytest(args.config, db, outcome)
    if not args.keep:
        for db in databases:
            drop_db(args.config, db)

    for problem in outcome.problems[:40]:
        print(f"  PROBLEM {problem}")
    minutes = (time.monotonic() - started) / 60
    print(f"Test run took {minutes:.1f} minutes")
    print(
        f"{outcome.passed} passed, {outcome.failed} failed, {outcome.skipped} skipped"
    )
    if outcome.failed or outcome.passed == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
