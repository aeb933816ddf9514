"""Benchmark of the relation network (issue 6: gov_network).

Generates partners and relations with SQL in database ``gov_bench_network``
(created with gov_network when missing; generated data is reused afterwards)
and measures, side by side in one run and as an ordinary internal user (so the
record rules apply):

1. ``res.partner.find_introduction_path(target, max_depth=4)`` (bidirectional
   breadth-first search in PostgreSQL) against a straightforward breadth-first
   search in Python over the ORM (one ``search_fetch`` per ring), p50/p95 over
   the same random targets, and checks that both find paths of equal length;
2. ``res.partner.who_knows(partner)`` p50/p95;
3. ``res.partner.gov_network_graph`` (the data behind the network picture).

Half of the generated people are contacts of a random organisation
(``parent_id``, the contact hierarchy), which the path and who-knows searches
walk as "works at" (issue 13); the ORM baseline walks it too when the addon
does.

Usage: ./gov bench  (or: .work/venv/bin/python bench/bench_network.py --config
.work/odoo.conf [--db gov_bench_network] [--partners 100000]
[--relations 1000000] [--targets 30])
"""

import argparse
import random
import statistics
import time

from benchlib import bench_env, timed

DB = "gov_bench_network"
PARTNERS = 100_000
RELATIONS = 1_000_000
BENCH_LOGIN = "netbench_user"


def generate_partners(cr, partners):
    cr.execute("SELECT count(*) FROM res_partner WHERE ref LIKE 'netbench-%%'")
    have = cr.fetchone()[0]
    if have >= partners:
        print(f"Reusing {have:,} generated partners", flush=True)
        return
    print(f"Generating {partners - have:,} partners ...", flush=True)
    # every fifth partner is an organisation, the others people
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, lastname, ref, active, type,
               is_company, gov_party_type, create_date, write_date, lang)
        SELECT n, n, n, 'netbench-' || g, true, 'contact', g %% 5 = 0,
               CASE WHEN g %% 5 = 0 THEN 'government' ELSE 'citizen' END,
               now(), now(), 'en_US'
          FROM generate_series(%(start)s, %(stop)s) g
         CROSS JOIN LATERAL (SELECT CASE WHEN g %% 5 = 0 THEN 'Organisatie '
                                         ELSE 'Persoon ' END || g AS n) label
        """,
        {"start": have + 1, "stop": partners},
    )


def generate_hierarchy(cr):
    """Make half of the generated people a contact of a random organisation.

    Partners inserted with SQL have no commercial entity yet: every one is its
    own, except the contacts, whose entity is their organisation.
    """
    cr.execute(
        "SELECT 1 FROM res_partner WHERE ref LIKE 'netbench-%%' "
        "AND parent_id IS NOT NULL LIMIT 1"
    )
    if cr.fetchone():
        print("Reusing the generated contact hierarchy", flush=True)
        return
    print("Attaching half of the people to an organisation ...", flush=True)
    cr.execute(
        """
        WITH orgs AS (SELECT array_agg(id ORDER BY id) AS a, count(*) AS n
                        FROM res_partner
                       WHERE ref LIKE 'netbench-%%' AND is_company),
        people AS (SELECT p.id, orgs.a[1 + floor(random() * orgs.n)::int] AS org
                     FROM orgs, res_partner p
                    WHERE p.ref LIKE 'netbench-%%' AND NOT p.is_company
                      AND substr(p.ref, 10)::int %% 5 = ANY(%(contacts)s))
        UPDATE res_partner p SET parent_id = people.org,
               commercial_partner_id = people.org
          FROM people WHERE p.id = people.id
        """,
        # of every five partners one is an organisation, two are its contacts
        {"contacts": [1, 2]},
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id "
        "WHERE ref LIKE 'netbench-%%' AND commercial_partner_id IS NULL"
    )


def generate_relations(env, relations):
    cr = env.cr
    cr.execute("SELECT count(*) FROM res_partner_relation WHERE source = 'netbench'")
    have = cr.fetchone()[0]
    if have >= relations:
        print(f"Reusing {have:,} generated relations", flush=True)
        return
    print(f"Generating {relations - have:,} relations ...", flush=True)
    cr.execute("SELECT array_agg(id) FROM res_partner_relation_type")
    type_ids = cr.fetchone()[0]
    # uniformly random pairs; one in ten relations ended last year, one in fifty
    # is secret and made by the superuser (invisible to the bench user)
    cr.execute(
        """
        WITH ids AS (SELECT array_agg(id ORDER BY id) AS a, count(*) AS n
                       FROM res_partner WHERE ref LIKE 'netbench-%%')
        INSERT INTO res_partner_relation (left_partner_id, right_partner_id, type_id,
               date_end, active, confidentiality, source, create_uid, create_date,
               write_date)
        SELECT ids.a[1 + floor(random() * ids.n)::int],
               ids.a[1 + floor(random() * ids.n)::int],
               (%(types)s::int[])[1 + g %% cardinality(%(types)s::int[])],
               CASE WHEN g %% 10 = 0 THEN current_date - 365 END, true,
               CASE WHEN g %% 50 = 1 THEN 'geheim' ELSE 'intern' END,
               'netbench', 1, now(), now()
          FROM ids, generate_series(%(start)s, %(stop)s) g
            -- a random pair may repeat an open relation of the same type
            ON CONFLICT DO NOTHING
        """,
        {"types": type_ids, "start": have + 1, "stop": relations},
    )
    cr.execute(
        "DELETE FROM res_partner_relation WHERE left_partner_id = right_partner_id"
    )


def bench_colleagues(env, count):
    """``count`` internal users; each knows a hundred random partners.

    The first one is the user the benchmark runs as.
    """
    Users = env["res.users"]
    users = Users.search([("login", "like", f"{BENCH_LOGIN}%")], order="id")
    if len(users) >= count:
        return users[0]
    group = env.ref("gov_addressbook.group_user")
    new_users = Users.with_context(no_reset_password=True).create(
        [
            {
                "name": f"Collega Bench {n}",
                "login": f"{BENCH_LOGIN}{n}",
                "group_ids": [(6, 0, group.ids)],
            }
            for n in range(len(users), count)
        ]
    )
    env.cr.execute(
        """
        INSERT INTO res_partner_relation (left_partner_id, right_partner_id, type_id,
               active, confidentiality, strength, last_contact_date, source,
               create_date, write_date)
        SELECT u.partner_id, p.id, %s, true, 'intern', 1 + (p.id %% 3),
               current_date - (p.id %% 400), 'netbench', now(), now()
          FROM res_users u
         CROSS JOIN LATERAL (SELECT id FROM res_partner
                              WHERE ref LIKE 'netbench-%%' AND u.id > 0
                              ORDER BY random() LIMIT 100) p
         WHERE u.id = ANY(%s)
        """,
        [env.ref("gov_network.relation_type_knows").id, new_users.ids],
    )
    return (users | new_users)[0]


def orm_bfs(env, source_id, target_id, max_depth):
    """A straightforward breadth-first search in Python over the ORM.

    One ring at a time: read every allowed, valid relation touching the
    frontier with ``search_fetch`` and keep the first parent of each partner.
    Returns one shortest path (or ``[]``). When the addon walks the contact
    hierarchy, the ring also takes the organisations and the people of the
    frontier (two more ``search_fetch`` calls).
    """
    from odoo.fields import Domain  # noqa: PLC0415

    Partner = env["res.partner"]
    hierarchy = hasattr(Partner, "_gov_hierarchy_query")
    Relation = env["res.partner.relation"]
    valid = Relation._gov_valid_domain()
    parent = {source_id: None}
    frontier = {source_id}
    for _depth in range(max_depth):
        ids = list(frontier)
        touching = Domain("left_partner_id", "in", ids) | Domain(
            "right_partner_id", "in", ids
        )
        relations = Relation.search_fetch(
            valid & touching, ["left_partner_id", "right_partner_id"]
        )
        pairs = [(r.left_partner_id.id, r.right_partner_id.id) for r in relations]
        if hierarchy:
            pairs += hierarchy_pairs(Partner, ids)
        ring, frontier = frontier, set()
        for left, right in pairs:
            for near, far in ((left, right), (right, left)):
                if near in ring and far not in parent:
                    parent[far] = near
                    frontier.add(far)
        if target_id in parent:
            path = [target_id]
            while parent[path[-1]] is not None:
                path.append(parent[path[-1]])
            return path[::-1]
        if not frontier:
            break
    return []


def hierarchy_pairs(Partner, ids):
    """``(contact, organisation)`` pairs of the contact hierarchy around ``ids``."""
    from odoo.fields import Domain  # noqa: PLC0415

    contacts = Partner.search_fetch(
        Domain("type", "=", "contact")
        & (
            Domain("id", "in", ids)
            | Domain("parent_id", "in", ids)
            | Domain("commercial_partner_id", "in", ids)
        ),
        ["parent_id", "commercial_partner_id"],
    )
    readable = set(
        Partner.search(
            [("id", "in", (contacts.parent_id | contacts.commercial_partner_id).ids)]
        ).ids
    )
    pairs = []
    for contact in contacts:
        for organisation in {contact.parent_id.id, contact.commercial_partner_id.id}:
            if organisation in readable and organisation != contact.id:
                pairs.append((contact.id, organisation))
    return pairs


def bench_paths(env, targets, max_depth, baseline=True):
    Partner = env["res.partner"]
    source = env.user.partner_id.id
    Partner.find_introduction_path(targets[0], max_depth=max_depth)  # warm up
    sql = timed(
        lambda t: Partner.find_introduction_path(t, max_depth=max_depth), targets
    )
    if not baseline:
        found = sum(1 for paths in sql[2] if paths)
        print(f"\nIntroduction path, max_depth={max_depth}, {len(targets)} targets")
        print(f"find_introduction_path (SQL): p50 {sql[0]:.1f} ms  p95 {sql[1]:.1f} ms")
        print(f"  reachable: {found}/{len(targets)}; ORM baseline skipped")
        return
    env.invalidate_all()
    orm = timed(lambda t: orm_bfs(env, source, t, max_depth), targets)
    agree = sum(
        (len(paths[0]) if paths else 0) == len(path)
        for paths, path in zip(sql[2], orm[2], strict=True)
    )
    found = sum(1 for paths in sql[2] if paths)
    print(f"\nIntroduction path, max_depth={max_depth}, {len(targets)} targets (ms)")
    print(f"{'method':<34}{'p50':>9}{'p95':>9}")
    print(f"{'find_introduction_path (SQL)':<34}{sql[0]:>9.1f}{sql[1]:>9.1f}")
    print(f"{'breadth-first search over the ORM':<34}{orm[0]:>9.1f}{orm[1]:>9.1f}")
    print(
        f"  reachable: {found}/{len(targets)}; "
        f"equal path length: {agree}/{len(targets)}"
    )


def bench_who_knows(env, targets):
    Partner = env["res.partner"]
    p50, p95, results = timed(Partner.who_knows, targets)
    answered = sum(1 for result in results if result)
    print(f"\nwho_knows, {len(targets)} targets (ms): p50 {p50:.1f}  p95 {p95:.1f}")
    print(f"  targets with a colleague who knows them: {answered}/{len(targets)}")


def bench_graph(env, targets):
    Partner = env["res.partner"]
    p50, p95, results = timed(
        lambda t: Partner.gov_network_graph([t], depth=2), targets
    )
    sizes = [len(result["nodes"]) for result in results]
    print(
        f"\ngov_network_graph depth 2, {len(targets)} partners (ms): p50 {p50:.1f}  "
        f"p95 {p95:.1f}  (nodes p50 {statistics.median(sizes):.0f}, max {max(sizes)})"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--db", default=DB)
    parser.add_argument("--partners", type=int, default=PARTNERS)
    parser.add_argument("--relations", type=int, default=RELATIONS)
    parser.add_argument("--targets", type=int, default=30)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="skip the (slow) breadth-first search over the ORM",
    )
    # ./gov bench hands the same options to every bench script
    args, _unknown = parser.parse_known_args()

    with bench_env(args.config, args.db, "gov_network") as env:
        cr = env.cr
        started = time.monotonic()
        generate_partners(cr, args.partners)
        generate_hierarchy(cr)
        generate_relations(env, args.relations)
        user = bench_colleagues(env, max(10, args.partners // 1000))
        cr.execute("ANALYZE res_partner")
        cr.execute("ANALYZE res_partner_relation")
        cr.commit()
        print(f"Data ready in {time.monotonic() - started:.0f} s", flush=True)
        cr.execute(
            "SELECT count(*) FROM res_partner_relation WHERE source = 'netbench'"
        )
        relation_count = cr.fetchone()[0]
        cr.execute(
            "SELECT count(*) FROM res_partner "
            "WHERE ref LIKE 'netbench-%%' AND parent_id IS NOT NULL"
        )
        print(
            f"{args.partners:,} partners ({cr.fetchone()[0]:,} of them contacts of "
            f"an organisation), {relation_count:,} relations",
            flush=True,
        )
        cr.execute(
            "SELECT id FROM res_partner WHERE ref LIKE 'netbench-%%' "
            "ORDER BY id LIMIT %s",
            [args.partners],
        )
        ids = [row[0] for row in cr.fetchall()]
        rng = random.Random(6)
        user_env = env(user=user.id)
        bench_paths(
            user_env,
            rng.sample(ids, args.targets),
            args.depth,
            baseline=not args.no_baseline,
        )
        bench_who_knows(user_env, rng.sample(ids, args.targets))
        bench_graph(user_env, rng.sample(ids, min(args.targets, 10)))
        cr.rollback()


if __name__ == "__main__":
    main()
