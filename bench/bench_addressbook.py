"""Benchmark of the address book on generated data (issue: gov_addressbook).

Generates 1,000,000 partners and 2,000,000 contact moments with SQL in database
``gov_bench`` (once; reused afterwards) and measures, side by side in one run:

1. the one-box search (our name_search) against the stock Odoo 19 partner search
   (complete_name/email/ref/vat/company_registry ILIKE, ORDER BY complete_name LIMIT 8)
   on the same data: p50/p95 per kind of term;
2. the query count of opening a partner form with 10 and with 1,000 contact moments;
3. creating 100,000 partners with identifiers through the ORM (partners per second).

Usage: ./gov bench  (or: .work/venv/bin/python bench/bench_addressbook.py --config
.work/odoo.conf [--partners N] [--create N])
"""

import argparse
import contextlib
import random
import time

from benchlib import bench_env, timed
from psycopg2 import sql

PARTNERS = 1_000_000
MOMENTS_PER_PARTNER = 2
DB = "gov_bench"


def generate(env, partners):
    """Insert partners and contact moments with set-based SQL.

    The indexes and foreign keys of both tables are dropped around the bulk insert
    and rebuilt once afterwards, and the contact moments go to the partners just
    inserted (an id range, no anti-join on freshly filled, unanalysed tables): the
    earlier generator took over 30 minutes for 2,000,000 contact moments.
    """
    cr = env.cr
    cr.execute("SELECT count(*) FROM res_partner WHERE ref LIKE 'bench-%%'")
    have = cr.fetchone()[0]
    if have >= partners:
        print(f"Reusing {have:,} generated partners", flush=True)
        # Data sets generated before the generator filled email_normalized.
        cr.execute(
            "UPDATE res_partner SET email_normalized = lower(email)"
            " WHERE ref LIKE 'bench-%%' AND email_normalized IS NULL"
            " AND email IS NOT NULL",
            {},
        )
        cr.commit()
        return
    started = time.monotonic()
    cr.execute("SET LOCAL maintenance_work_mem = '256MB'")
    cr.execute("SET LOCAL synchronous_commit = off")
    print(f"Generating {partners - have:,} partners ...", flush=True)
    cr.execute("SELECT coalesce(max(id), 0) FROM res_partner")
    last_id = cr.fetchone()[0]
    with _without_indexes(cr, "res_partner"):
        _insert_partners(env, have + 1, partners)
    print(f"  partners in {time.monotonic() - started:.0f} s", flush=True)
    print(
        f"Generating {MOMENTS_PER_PARTNER} contact moments per partner ...", flush=True
    )
    with _without_indexes(cr, "gov_contact_moment"):
        cr.execute(
            """
            INSERT INTO gov_contact_moment (partner_id, channel, direction, subject,
                   occurred_at, confidentiality, create_date, write_date)
            SELECT p.id, (ARRAY['phone','email','counter','letter'])[1 + s %% 4],
                   CASE WHEN s %% 2 = 0 THEN 'inbound' ELSE 'outbound' END,
                   'Generated contact ' || s, now() - (s || ' hours')::interval,
                   'intern', now(), now()
              FROM res_partner p CROSS JOIN generate_series(1, %(per)s) s
             WHERE p.id > %(last_id)s AND p.ref LIKE 'bench-%%'
            """,
            {"per": MOMENTS_PER_PARTNER, "last_id": last_id},
        )
    env.cr.commit()
    # VACUUM sets the visibility map (index-only scans) and cannot run in a
    # transaction block.
    cr._cnx.autocommit = True
    try:
        cr.execute("VACUUM ANALYZE res_partner")
        cr.execute("VACUUM ANALYZE gov_contact_moment")
    finally:
        cr._cnx.autocommit = False
    print(f"Generated in {time.monotonic() - started:.0f} s", flush=True)


def _insert_partners(env, start, stop):
    env.cr.execute(
        """
        WITH first(names) AS (SELECT ARRAY['Anna','Jan','Fatima','Pieter','Sanne',
                 'Mohamed','Els','Kees','Noah','Emma','Lucas','Julia','Daan','Sophie'])
           , last(names) AS (SELECT ARRAY['Visser','Jansen','de Vries','van den Berg',
                 'Bakker','El Amrani','Smit','Meijer','de Boer','Mulder','Yilmaz',
                 'van Dijk','Bos','Vos','Peters','Hendriks'])
        INSERT INTO res_partner (name, complete_name, firstname, lastname, email,
               email_normalized, phone, gov_phone_digits, zip, street, city,
               country_id, ref, active, type, is_company, gov_party_type,
               gov_sort_name, create_date, write_date, lang)
        SELECT f.n || ' ' || l.n || ' ' || g, f.n || ' ' || l.n || ' ' || g, f.n,
               l.n || ' ' || g, lower(f.n) || '.' || g || '@example.nl',
               lower(f.n) || '.' || g || '@example.nl',
               '06' || lpad((g::bigint * 7919 %% 100000000)::text, 8, '0'),
               '06' || lpad((g::bigint * 7919 %% 100000000)::text, 8, '0'),
               lpad((1000 + g %% 9000)::text, 4, '0') || ' ' || chr(65 + g %% 26)
                   || chr(65 + (g / 26) %% 26),
               'Dorpsstraat ' || (g %% 300 + 1), 'Plaats', %(nl)s, 'bench-' || g, true,
               'contact', false, 'citizen', lower(l.n || ' ' || g || ' ' || f.n),
               now(), now(), 'en_US'
          FROM generate_series(%(start)s, %(stop)s) g
          CROSS JOIN LATERAL (SELECT (SELECT names FROM first)[1 + g %% 14] AS n) f
          CROSS JOIN LATERAL (SELECT (SELECT names FROM last)[1 + g %% 16] AS n) l
        """,
        {"nl": env.ref("base.nl").id, "start": start, "stop": stop},
    )


@contextlib.contextmanager
def _without_indexes(cr, table):
    """Drop ``table``'s plain indexes and foreign keys; rebuild them afterwards.

    Indexes that back a constraint (primary key, unique) stay. The definitions come
    from PostgreSQL's own catalogue (pg_get_indexdef, pg_get_constraintdef).
    """
    cr.execute(
        """
        SELECT i.relname, pg_get_indexdef(x.indexrelid)
          FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
         WHERE x.indrelid = %s::regclass AND NOT x.indisprimary
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                            WHERE c.conindid = x.indexrelid)
        """,
        [table],
    )
    indexes = cr.fetchall()
    cr.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE conrelid = %s::regclass AND contype = 'f'",
        [table],
    )
    foreign_keys = cr.fetchall()
    for name, _definition in indexes:
        cr.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
    for name, _definition in foreign_keys:
        cr.execute(
            sql.SQL("ALTER TABLE {} DROP CONSTRAINT {}").format(
                sql.Identifier(table), sql.Identifier(name)
            )
        )
    yield
    started = time.monotonic()
    for _name, definition in indexes:
        cr.execute(sql.SQL(definition))
    for name, definition in foreign_keys:
        cr.execute(
            sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} {}").format(
                sql.Identifier(table), sql.Identifier(name), sql.SQL(definition)
            )
        )
    print(
        f"  {len(indexes)} indexes and {len(foreign_keys)} foreign keys of {table}"
        f" rebuilt in {time.monotonic() - started:.0f} s",
        flush=True,
    )


def stock_search(partner_model, term):
    """What stock Odoo 19 runs for res.partner.name_search(term)."""
    domain = [
        "|",
        "|",
        "|",
        "|",
        ("complete_name", "ilike", term),
        ("email", "ilike", term),
        ("ref", "ilike", term),
        ("vat", "ilike", term),
        ("company_registry", "ilike", term),
    ]
    records = partner_model.search_fetch(domain, ["display_name"], limit=8)
    return [(record.id, record.display_name) for record in records]


def stock_list_domain(term):
    """Stock Odoo 19's search view filter of the partner list's name field."""
    return [
        "|",
        "|",
        "|",
        "|",
        ("complete_name", "ilike", term),
        ("ref", "ilike", term),
        ("email", "ilike", term),
        ("vat", "ilike", term),
        ("company_registry", "ilike", term),
    ]


# What the web client's list sends: 80 rows in the address book's order and a count
# up to 10,001 ("1-80 / 10000+"; a click on the count asks for the exact number).
LIST_ORDER = "gov_sort_name, id"
LIST_COUNT_LIMIT = 10_001
STOCK_TERMS = 3


def list_search(partner_model, domain):
    return partner_model.web_search_read(
        domain,
        {"display_name": {}},
        limit=80,
        order=LIST_ORDER,
        count_limit=LIST_COUNT_LIMIT,
    )["length"]


def search_terms(partners):
    """Terms people type, per kind: 15 each (repeated where the kind is one word)."""
    rng = random.Random(42)

    def some(values):
        return [values[i % len(values)] for i in range(15)]

    postcodes = []
    for n in (rng.randint(1, partners) for _ in range(15)):
        postcodes.append(
            f"{1000 + n % 9000:04d} {chr(65 + n % 26)}{chr(65 + (n // 26) % 26)} "
            f"{n % 300 + 1}"
        )
    return {
        "common last name": some(["Jansen", "Visser", "Bakker", "Smit", "Mulder"]),
        "first name": some(["Anna", "Pieter", "Fatima", "Sophie", "Kees"]),
        "name with infix": some(["de Vries", "van den Berg", "van Dijk"]),
        "infix after name": some(["Vries, de", "Berg, van den", "Dijk van"]),
        "first + last": some(["Anna Visser", "Jan Jansen", "Pieter Bakker"]),
        "last + first": some(["Visser Anna", "Jansen Jan", "Bakker Pieter"]),
        "last, initial": some(["Jansen, J.", "Visser, A.", "Smit, P."]),
        "name + number (hit)": [
            f"Visser {rng.randint(1, partners)}" for _ in range(15)
        ],
        "name (miss)": [f"Zzyzx {rng.randint(1, 10**6)}" for _ in range(15)],
        "phone": [
            "06" + f"{(n * 7919) % 100000000:08d}"
            for n in (rng.randint(1, partners) for _ in range(15))
        ],
        "e-mail fragment": [f"anna.{rng.randint(1, partners)}@" for _ in range(15)],
        "postcode + number": postcodes,
    }


def bench_search(env, partners, stock_terms=STOCK_TERMS):
    model = env["res.partner"]
    kinds = search_terms(partners)
    print(f"\nOne-box search on {partners:,} partners (ms; 15 terms each)")
    print("  picker: name_search(limit=8); stock: complete_name/email ILIKE, LIMIT 8")
    print(
        f"  list: web_search_read, 80 rows by {LIST_ORDER}, count up to"
        f" {LIST_COUNT_LIMIT - 1:,}+ (stock list: the stock filter_domain)"
    )
    print(
        f"{'term':<22}{'picker p50':>11}{'p95':>7}{'stock p50':>10}{'p95':>7}"
        f"{'list p50':>9}{'p95':>7}{'stock p50':>10}{'p95':>7}{'matches':>9}"
    )
    for kind, terms in kinds.items():
        model.name_search(terms[0], limit=8)  # warm caches for both
        picker = timed(lambda term: model.name_search(term, limit=8), terms)[:2]
        # Stock takes seconds per common term: three terms of each kind.
        stock = timed(
            lambda term: stock_search(model, term), terms[:stock_terms] or terms[:1]
        )[:2]
        ours_list = timed(
            lambda term: list_search(model, [("display_name", "ilike", term)]), terms
        )
        stock_list = timed(
            lambda term: list_search(model, stock_list_domain(term)),
            terms[:stock_terms] or terms[:1],
        )
        print(
            f"{kind:<22}{picker[0]:>11.1f}{picker[1]:>7.1f}{stock[0]:>10.1f}"
            f"{stock[1]:>7.1f}{ours_list[0]:>9.1f}{ours_list[1]:>7.1f}"
            f"{stock_list[0]:>10.1f}{stock_list[1]:>7.1f}{ours_list[2][0]:>9,}"
        )
    print("\nExact count (a click on the list's 10000+)")
    for term in ("Jansen", "Anna", "de Vries", "Visser Anna", "Jansen, J."):
        count = timed(
            lambda t: model.search_count([("display_name", "ilike", t)]), [term] * 5
        )
        print(f"  {term:<14}{count[2][0]:>9,} matches  p50 {count[0]:.1f} ms")


def bench_form_queries(env):
    partner_model = env["res.partner"]
    spec = {
        "display_name": {},
        "contact_moment_count": {},
        "contact_moment_ids": {
            "fields": {"occurred_at": {}, "channel": {}, "subject": {}},
            "limit": 40,
            "order": "occurred_at desc",
        },
    }
    print("\nPartner form (web_read) query count")
    for size in (10, 1000):
        partner = partner_model.create({"name": f"Form Bench {size}"})
        env["gov.contact.moment"].create(
            [{"partner_id": partner.id, "subject": f"c{i}"} for i in range(size)]
        )
        env.invalidate_all()
        before = env.cr.sql_log_count
        partner.web_read(spec)
        print(f"  {size:>5} contact moments: {env.cr.sql_log_count - before} queries")
    env.cr.rollback()


# The context an import or integration should use for bulk creation: no chatter
# message, follower or tracking per record.
BULK_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
}


def bench_create(env, count):
    first_kvk = 30_000_000 + random.Random(7).randint(0, 10**7)
    batch = 1000
    print(f"\nORM create of partners with identifiers, batches of {batch}")
    for label, context, total in (
        ("plain create", {}, count),
        ("bulk-import context", BULK_CONTEXT, count),
    ):
        started = time.monotonic()
        for offset in range(0, total, batch):
            env["res.partner"].with_context(**context).create(
                [
                    {
                        "name": f"Bedrijf {offset + i}",
                        "is_company": True,
                        "gov_party_type": "company",
                        "kvk_number": f"{first_kvk + offset + i}",
                        "email": f"info{offset + i}@bedrijf.example",
                    }
                    for i in range(min(batch, total - offset))
                ]
            )
            env.flush_all()
        elapsed = time.monotonic() - started
        print(f"  {label:<22}{total:>8,} partners: {total / elapsed:,.0f}/s")
        env.cr.rollback()


def bench_import_check(env, count=1000):
    """Duplicate check of an import batch: new relations against the 1M."""
    existing = env["res.partner"].search_fetch(
        [("email", "!=", False), ("phone", "!=", False)], ["email", "phone"], limit=50
    )
    rows = [
        {
            "name": f"Import Persoon {i}",
            "email": f"import.{i}@voorbeeld.example",
            "phone": f"06{20_000_000 + i}",
            "zip": "1234 AB",
            "street": f"Importstraat {i}",
        }
        for i in range(count - len(existing))
    ]
    # A few rows repeat an e-mail address or phone number already registered.
    rows += [
        {"name": f"Dubbel {p.id}", "email": p.email}
        if i % 2
        else {"name": f"Dubbel {p.id}", "phone": p.phone}
        for i, p in enumerate(existing)
    ]
    created = env["res.partner"].with_context(**BULK_CONTEXT).create(rows)
    env.flush_all()
    started = time.perf_counter()
    matches = created._gov_import_matches()
    elapsed = time.perf_counter() - started
    print(f"\nDuplicate check of an import batch of {count:,} new relations")
    print(f"  {elapsed * 1000:,.0f} ms, {len(matches)} look-alikes found")
    env.cr.rollback()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--partners", type=int, default=PARTNERS)
    parser.add_argument("--create", type=int, default=100_000)
    parser.add_argument(
        "--only",
        choices=["search", "form", "create", "import"],
        help="run one measurement only (the data is generated either way)",
    )
    parser.add_argument(
        "--stock-terms",
        type=int,
        default=STOCK_TERMS,
        help="terms per kind for stock Odoo's search (seconds each at 1M partners)",
    )
    # ./gov bench passes the same options to every bench script.
    args, _unknown = parser.parse_known_args()

    with bench_env(args.config, DB, "gov_addressbook") as env:
        cr = env.cr
        generate(env, args.partners)
        cr.sql_log_count = 0
        if args.only in (None, "search"):
            bench_search(env, args.partners, args.stock_terms)
        if args.only in (None, "form"):
            bench_form_queries(env)
        if args.only in (None, "create"):
            bench_create(env, args.create)
        if args.only in (None, "import"):
            bench_import_check(env)


if __name__ == "__main__":
    main()
