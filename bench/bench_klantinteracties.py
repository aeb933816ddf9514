"""Benchmark of the Klantinteracties API served by Odoo (issue 14).

On 1,000,000 partners and 2,000,000 contact moments (generated once with
bench_addressbook's generator in database ``gov_bench_ki`` and reused), of
which 100,000 citizens have a BSN, it measures the server time of the three
calls a contact centre makes most, as an API application whose user has
front-desk rights and BSN access (record rules and the processing log apply):

1. ``GET /partijen`` by BSN (partijIdentificator__codeSoortObjectId=bsn);
2. ``GET /klantcontacten`` of a partij, first page, with
   ``expand=hadBetrokkenen,gingOverOnderwerpobjecten``;
3. ``POST /maak-klantcontact`` with a betrokkene (committed).

Server time is the API's own handling (routing, checks, ORM, serialising),
measured around ``Api.handle`` as the controller calls it; target p95 < 50 ms.

Usage: ./gov bench  (or: .work/venv/bin/python bench/bench_klantinteracties.py
--config .work/odoo.conf [--samples N])
"""

import argparse
import random

from bench_addressbook import PARTNERS, generate
from benchlib import bench_env, timed

DB = "gov_bench_ki"
MODULES = "gov_klantinteracties"
WITH_BSN = 100_000


def elfproef_numbers(count, seed=7):
    """``count`` distinct valid BSNs (9 digits, 11-test)."""
    rng = random.Random(seed)
    found = set()
    while len(found) < count:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last == 10 or (digits[0] == 0 and digits[1] == 0):
            continue
        found.add("".join(map(str, digits)) + str(last))
    return sorted(found)


def give_bsns(env):
    cr = env.cr
    cr.execute("SELECT count(*) FROM res_partner WHERE bsn IS NOT NULL")
    if cr.fetchone()[0] >= WITH_BSN:
        return
    cr.execute(
        "SELECT id FROM res_partner WHERE ref LIKE 'bench-%%' ORDER BY id LIMIT %s",
        [WITH_BSN],
    )
    ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        "UPDATE res_partner p SET bsn = v.bsn FROM unnest(%s::int[], %s::text[])"
        " AS v(id, bsn) WHERE p.id = v.id",
        [ids, elfproef_numbers(len(ids))],
    )
    env.cr.commit()


def application_env(env):
    """The environment of a front-desk application with BSN access."""
    user = env["res.users"].search([("login", "=", "bench_kcc")])
    if not user:
        groups = env.ref("gov_loket.group_front_desk") | env.ref(
            "gov_addressbook.group_bsn_access"
        )
        user = env["res.users"].create(
            {
                "name": "Bench KCC",
                "login": "bench_kcc",
                "group_ids": [(6, 0, groups.ids)],
            }
        )
    application = env["gov.ki.application"].search([("name", "=", "Bench KISS")])
    if not application:
        application = env["gov.ki.application"].create(
            {"name": "Bench KISS", "user_id": user.id}
        )
    env.cr.commit()
    return env(user=user.id, su=False), application


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--samples", type=int, default=200)
    args = parser.parse_args()
    with bench_env(args.config, DB, MODULES) as env:
        from odoo.addons.gov_addressbook.server_context import (  # noqa: PLC0415
            server_flags,
        )
        from odoo.addons.gov_klantinteracties.api import (  # noqa: F401, PLC0415
            ids,
            resources,
        )
        from odoo.addons.gov_klantinteracties.api.dispatch import Api  # noqa: PLC0415

        generate(env, PARTNERS)
        give_bsns(env)
        api_env, application = application_env(env)
        env.cr.execute(
            "SELECT id, bsn FROM res_partner WHERE bsn IS NOT NULL"
            " ORDER BY random() LIMIT %s",
            [args.samples],
        )
        sample = env.cr.fetchall()
        base = "http://127.0.0.1:8069/klantinteracties/api/v1"
        flags = {
            "gov_processing_origin": "klantinteracties_api",
            "gov_ki_application": application.id,
        }

        def call(method, path, query=None, body=None):
            with server_flags(**flags):
                status, answer, _headers = Api(api_env, base, query).handle(
                    method, path, body
                )
            api_env.invalidate_all()
            return status, answer

        def by_bsn(row):
            query = {
                "partijIdentificator__codeSoortObjectId": "bsn",
                "partijIdentificator__objectId": row[1],
            }
            status, page = call("GET", "partijen", query)
            assert status == 200 and page["count"] == 1, page
            return page

        def contacts_of(row):
            query = {
                "hadBetrokkene__wasPartij__uuid": ids.make_uuid("partij", row[0]),
                "expand": "hadBetrokkenen,gingOverOnderwerpobjecten",
            }
            status, page = call("GET", "klantcontacten", query)
            assert status == 200, page
            return page

        def new_contact(row):
            body = {
                "klantcontact": {
                    "kanaal": "telefoon",
                    "onderwerp": "Benchmark",
                    "inhoud": "Vraag over de afvalpas",
                    "taal": "nld",
                    "vertrouwelijk": False,
                },
                "betrokkene": {
                    "wasPartij": {"uuid": ids.make_uuid("partij", row[0])},
                    "rol": "klant",
                    "initiator": True,
                },
            }
            status, answer = call("POST", "maak-klantcontact", body=body)
            assert status == 201, answer
            env.cr.commit()
            return answer

        print(
            f"Klantinteracties API on {PARTNERS:,} partners, {len(sample)} samples each"
        )
        for label, func in (
            ("GET /partijen by BSN", by_bsn),
            ("GET /klantcontacten of a partij (expand)", contacts_of),
            ("POST /maak-klantcontact", new_contact),
        ):
            timed(func, sample[:10])  # warm the caches
            p50, p95, _results = timed(func, sample)
            print(f"{label:45s} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms", flush=True)


if __name__ == "__main__":
    main()
