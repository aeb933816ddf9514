"""Benchmark of *Relaties importeren* (issue 19) on a generated export.

Generates a file shaped like a real address-book export (Dutch column names,
";", BOM, postcodes and phones in mixed notations, organisations followed by
their contact persons, citizens, rows named like shipped governments, 2 %
look-alikes of relations already in the database, 1 % repeated rows, 1 %
invalid KvK numbers and postcodes, diacritics) with the generator the tests
use, and measures on database ``gov_bench_import`` (created once):

1. *Test*: reading and checking the whole file, nothing written (rows/s);
2. *Import*: checking again and saving every valid row (rows/s), with the
   counts of the report;
3. *Import* of the same file again: nothing new (rows/s).

Each run is rolled back. The issue's target: 100,000 relations with contact
persons at >= 1,000 rows/s.

Usage: ./gov bench (all benchmarks), or .work/venv/bin/python bench/bench_import.py
--config .work/odoo.conf
[--rows 100000] [--existing 100000] [--db gov_bench_import]
"""

import argparse
import base64
import time

from benchlib import bench_env

DB = "gov_bench_import"
PERSONS_PER_ORGANISATION = 3


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


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", default=DB)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--existing", type=int, default=100_000)
    args, _unknown = parser.parse_known_args()

    with bench_env(args.config, args.db, "gov_addressbook") as env:
        from odoo.addons.gov_addressbook.tests import relation_file  # noqa: PLC0415

        ensure_existing(env, args.existing)
        existing = env["res.partner"].search_fetch(
            [("ref", "=like", "bench-import-%")], ["email", "kvk_number"]
        )
        governments = (
            env["res.partner"]
            .search([("cbs_code", "!=", False)], limit=150)
            .mapped("name")
        )
        # Of the rows, 80 % organisations and their contact persons, 20 % citizens.
        organisations = int(args.rows * 0.8) // (1 + PERSONS_PER_ORGANISATION)
        started = time.perf_counter()
        generated = relation_file.generate(
            organisations=organisations,
            persons_per_organisation=PERSONS_PER_ORGANISATION,
            citizens=args.rows - organisations * (1 + PERSONS_PER_ORGANISATION),
            governments=governments,
            existing_emails=existing.filtered("email").mapped("email")[:2000],
            existing_kvks=existing.filtered("kvk_number").mapped("kvk_number")[:500],
            seed=2026,
            first_kvk=50_000_000,
        )
        print(
            f"File: {generated.rows:,} rows, {len(generated.data) / 1e6:.1f} MB "
            f"({time.perf_counter() - started:.1f} s to generate); "
            f"{generated.organisations:,} organisations, {generated.persons:,} "
            f"contact persons, {generated.citizens:,} citizens, "
            f"{generated.governments} governments, "
            f"{len(generated.invalid_rows)} invalid, "
            f"{len(generated.repeated_rows)} repeated, "
            f"{len(generated.look_alike_rows)} look-alikes",
            flush=True,
        )
        wizard = env["gov.partner.import"].create(
            {"file": base64.b64encode(generated.data), "file_name": "bench.csv"}
        )
        before = env["res.partner"].search_count([])
        for label, action in (
            ("Test (check only)", wizard.action_test),
            ("Import", wizard.action_import),
            ("Import again (idempotent)", wizard.action_import),
        ):
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
            print("    " + wizard.report.splitlines()[1][:300], flush=True)
        env.cr.rollback()
        reference_create(env, min(generated.rows, 10_000))


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
