"""Benchmark of *Relaties importeren* (issue 19) on a generated dirty export.

The file comes from bench/gen_relation_file.py (Dutch column names, ";", BOM,
postcodes and phones in mixed notations, organisations followed by their
contact persons, citizens, rows named like shipped governments, 2 % look-alikes
of relations already in the database, 1 % repeated rows, 1 % invalid KvK
numbers and postcodes, diacritics). On database ``gov_bench_import`` (created
once, with ``--existing`` relations already in the address book) an
address-book manager (not the administrator) does what a functional
administrator does:

1. *Test*: reads and checks the whole file, writes nothing (rows/s); the bench
   checks that the problems are exactly the rows the generator made invalid, so
   the administrator has nothing to edit before importing;
2. *Import*: saves every valid row (rows/s), with the counts of the report;
3. *Import* of the same file again: nothing new (rows/s).

Each run is rolled back. The issue's target: >= 1,000 rows/s with contact
persons, at 100,000 relations.

Usage: ./gov bench (all benchmarks), or .work/venv/bin/python bench/bench_import.py
--config .work/odoo.conf [--rows 10100] [--existing 100000] [--db gov_bench_import]
"""

import argparse
import base64
import csv
import io
import time

import gen_relation_file
from benchlib import bench_env

DB = "gov_bench_import"


def ensure_existing(env, count):
    """Relations already in the address book, inserted once through the ORM."""
    partners = env["res.partner"]
    have = partners.search_count([("ref", "=like", "bench-import-%")])
    if have >= count:
        return
    print(f"Creating {count - have:,} existing relations (once)", flush=True)
    for start in range(have, count, 5000):
        partners.with_context(tracking_disable=True).create(
            [
                {
                    "name": f"Bestaand {i}",
                    "ref": f"bench-import-{i}",
                    "is_company": i % 4 == 0,
                    "email": f"bestaand.{i}@voorbeeld.example",
                    "kvk_number": f"{20_000_000 + i}" if i % 4 == 0 else False,
                    "zip": f"{1000 + i % 9000} AB",
                    "street": f"Oudestraat {i % 500}",
                    "phone": f"010{i:07d}"[:10],
                }
                for i in range(start, min(count, start + 5000))
            ]
        )
        env.cr.commit()


def ensure_manager(env):
    """The persona: an address-book manager, not the administrator."""
    user = env["res.users"].search([("login", "=", "bench_import_manager")])
    if not user:
        user = env["res.users"].create(
            {
                "name": "Bench Import Manager",
                "login": "bench_import_manager",
                "group_ids": [(6, 0, [env.ref("gov_addressbook.group_manager").id])],
            }
        )
        env.cr.commit()
    return user


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", default=DB)
    parser.add_argument("--rows", type=int, default=10_100)
    parser.add_argument("--existing", type=int, default=100_000)
    args, _unknown = parser.parse_known_args()

    with bench_env(args.config, args.db, "gov_addressbook") as env:
        ensure_existing(env, args.existing)
        manager = ensure_manager(env)
        started = time.perf_counter()
        generated = gen_relation_file.generate(args.rows, args.existing)
        print(
            f"File: {generated.rows:,} rows, {len(generated.data) / 1e6:.1f} MB "
            f"({time.perf_counter() - started:.1f} s to generate); "
            f"{generated.organisations:,} organisations, {generated.persons:,} "
            f"contact persons, {generated.citizens:,} citizens, "
            f"{generated.governments} named like shipped governments, "
            f"{len(generated.invalid_rows)} invalid, "
            f"{len(generated.repeated_rows)} repeated, "
            f"{len(generated.look_alike_rows)} look-alikes; "
            f"{args.existing:,} relations in the address book",
            flush=True,
        )
        wizard = (
            env["gov.partner.import"]
            .with_user(manager)
            .create({"file": base64.b64encode(generated.data), "file_name": "b.csv"})
        )
        before = env["res.partner"].search_count([])
        runs = (
            ("Test (check only)", wizard.action_test),
            ("Import", wizard.action_import),
            ("Import again (idempotent)", wizard.action_import),
        )
        for label, action in runs:
            wizard.state = "new"
            started = time.perf_counter()
            action()
            env.flush_all()
            elapsed = time.perf_counter() - started
            print(
                f"  {label:<27}{generated.rows:>9,} rows in {elapsed:6.1f} s: "
                f"{generated.rows / elapsed:>7,.0f} rows/s; created "
                f"{env['res.partner'].search_count([]) - before:,} so far, "
                f"{wizard.error_count} rows with a problem",
                flush=True,
            )
            print("    " + wizard.report.splitlines()[1][:400], flush=True)
            if label.startswith("Test"):
                problem_rows = {
                    int(line.split(":", 1)[0].split()[1])
                    for line in (wizard.problems or "").splitlines()
                }
                exact = problem_rows == set(generated.invalid_rows)
                print(
                    f"    Problems on exactly the {len(generated.invalid_rows)} "
                    f"invalid rows: {'yes' if exact else 'NO'}; edits needed "
                    f"before Import: {0 if exact else len(problem_rows)}",
                    flush=True,
                )
            if label == "Import":
                fix_and_import(env, manager, wizard)
        env.cr.rollback()
        reference_create(env, min(generated.rows, 10_000))


def fix_and_import(env, manager, wizard):
    """What the administrator does with *Rows to fix*: correct each value the
    Problem column names (here: a valid postcode, an 8-digit KvK number) and
    import that file; it completes the organisations their contact persons got."""
    text = base64.b64decode(wizard.error_file).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, rows = rows[0], rows[1:]
    postcode, kvk = header.index("Postcode"), header.index("KvK-nummer")
    for row in rows:
        if row[postcode] and not gen_relation_file.is_postcode(row[postcode]):
            row[postcode] = "3511 AB"
        if row[kvk] and len(row[kvk]) != 8:
            row[kvk] = row[kvk].rjust(7, "0") + "9"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows([header[:-1], *(row[:-1] for row in rows)])
    fixed = (
        env["gov.partner.import"]
        .with_user(manager)
        .create(
            {
                "file": base64.b64encode(out.getvalue().encode("utf-8-sig")),
                "file_name": "b - to fix.csv",
            }
        )
    )
    started = time.perf_counter()
    fixed.action_import()
    env.flush_all()
    print(
        f"  Import of the {len(rows)} fixed rows in "
        f"{time.perf_counter() - started:.1f} s: {fixed.error_count} with a "
        f"problem, {fixed.create_count} new relations, {fixed.match_count} "
        "matched or completed",
        flush=True,
    )
    print("    " + " | ".join(fixed.report.splitlines()[:3])[:600], flush=True)


def reference_create(env, count):
    """The ceiling on this machine now: plain ORM creates of named companies."""
    partners = env["res.partner"].with_context(
        tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
    )
    started = time.perf_counter()
    for start in range(0, count, 1000):
        partners.create(
            [
                {
                    "name": f"Referentie {i}",
                    "is_company": True,
                    "email": f"r{i}@x.example",
                }
                for i in range(start, min(count, start + 1000))
            ]
        )
        env.flush_all()
    elapsed = time.perf_counter() - started
    print(
        f"  Reference: ORM create of {count:,} companies (name, e-mail), batches "
        f"of 1,000: {count / elapsed:,.0f} rows/s"
    )
    env.cr.rollback()


if __name__ == "__main__":
    main()
