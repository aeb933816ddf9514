"""Benchmark of the Loket (issue 4, gov_loket) against stock helpdesk_mgmt.

Two databases, created if missing and filled once with SQL (reused afterwards):
``gov_bench_loket`` (gov_loket installed) and ``gov_bench_helpdesk`` (only OCA
helpdesk_mgmt, without our additions). Each gets --partners partners and --requests
helpdesk tickets (a fifth of them open, at most 40,000) over 5 teams, 10 subjects
and 50 users. Measured side by side in one run, as ordinary internal users (record
rules apply), server time p50/p95:

1. "My requests": web_search_read with the list view's fields, the action's domain
   (user_id = uid, open) and limit 80, as an employee;
2. a team kanban: web_read_group by stage with the first page of each column (and,
   apart, the column progress bars), as a team lead;
3. the reminder/escalation job over all open requests (gov_loket only; rolled back).

Usage: ./gov bench  (or: .work/venv/bin/python bench/bench_loket.py --config
.work/odoo.conf [--partners N] [--requests N] [--runs N])
"""

import argparse
import contextlib
import time

from benchlib import bench_env, timed
from lxml import etree

DBS = (("gov_bench_loket", "gov_loket"), ("gov_bench_helpdesk", "helpdesk_mgmt"))
TEAMS, SUBJECTS_PER_TEAM, USERS_PER_TEAM = 5, 2, 10
NORMS = (5, 10, 15, 20, 10, 5, 0, 10, 15, 10)  # working days per subject; 0 = no norm


def is_loket(env):
    return "deadline_date" in env["helpdesk.ticket"]._fields


def setup_org(env):
    """Users, teams and subjects through the ORM (few records); reused by login."""
    users = env["res.users"].search([("login", "=like", "bench-user-%")], order="id")
    if users:
        teams = env["helpdesk.ticket.team"].search([("name", "=like", "Bench team %")])
        subjects = env["helpdesk.ticket.category"].search(
            [("name", "=like", "Bench subject %")], order="id"
        )
        return users, teams.sorted("id"), subjects
    loket = is_loket(env)
    # Members get "own" access, team leads "team" access (the same in both bases).
    member = env.ref("gov_loket.group_employee" if loket else "base.group_user")
    member |= env.ref("helpdesk_mgmt.group_helpdesk_user_own")
    lead = env.ref("gov_loket.group_team_lead" if loket else "base.group_user")
    lead |= env.ref("helpdesk_mgmt.group_helpdesk_user_team")
    vals_list = []
    for n in range(TEAMS * USERS_PER_TEAM):
        groups = lead if n % USERS_PER_TEAM == 0 else member
        vals_list.append(
            {
                "name": f"Bench User {n:02d}",
                "login": f"bench-user-{n:02d}",
                "email": f"bench-user-{n:02d}@example.nl",
                "group_ids": [(6, 0, groups.ids)],
            }
        )
    users = env["res.users"].with_context(no_reset_password=True).create(vals_list)
    teams = env["helpdesk.ticket.team"]
    subjects = env["helpdesk.ticket.category"]
    for t in range(TEAMS):
        members = users[t * USERS_PER_TEAM : (t + 1) * USERS_PER_TEAM]
        team = teams.create(
            {
                "name": f"Bench team {t}",
                "user_ids": [(6, 0, members.ids)],
                "user_id": members[0].id,
            }
        )
        teams |= team
        for s in range(SUBJECTS_PER_TEAM):
            n = t * SUBJECTS_PER_TEAM + s
            vals = {"name": f"Bench subject {n}"}
            if loket:
                vals.update(team_id=team.id, service_norm_days=NORMS[n])
                vals["confidential"] = n == 9
            subjects |= subjects.create(vals)
    env.cr.commit()
    return users, teams, subjects


def vacuum_analyze(db, *tables):
    """VACUUM (not only ANALYZE): fresh rows would otherwise be measured with
    unset hint bits and no visibility map, which slows the first runs down."""
    import psycopg2  # noqa: PLC0415

    from odoo.sql_db import connection_info_for  # noqa: PLC0415

    with contextlib.closing(psycopg2.connect(**connection_info_for(db)[1])) as cnx:
        cnx.autocommit = True  # VACUUM cannot run inside a transaction
        with cnx.cursor() as cr:
            for table in tables:
                cr.execute(f"VACUUM ANALYZE {table}")


def generate_partners(cr, partners):
    cr.execute("SELECT count(*) FROM res_partner WHERE ref LIKE 'lbench-%'")
    have = cr.fetchone()[0]
    if have >= partners:
        return have
    print(f"  generating {partners - have:,} partners ...", flush=True)
    cr.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = 'res_partner'"
    )
    columns = {row[0] for row in cr.fetchall()}
    extra = {  # filled only where the address book added the column
        "gov_party_type": "'citizen'",
        "gov_sort_name": "lower('Jansen ' || g)",
        "firstname": "'Anna'",
        "lastname": "'Jansen ' || g",
    }
    extra = {col: expr for col, expr in extra.items() if col in columns}
    cr.execute(
        f"""
        INSERT INTO res_partner (id, commercial_partner_id, name, complete_name, email,
               email_normalized, ref, active, type, is_company, partner_share, lang,
               create_date, write_date {"".join(", " + col for col in extra)})
        SELECT id, id, 'Anna Jansen ' || g, 'Anna Jansen ' || g,
               'anna.' || g || '@example.nl', 'anna.' || g || '@example.nl',
               'lbench-' || g, true, 'contact', false, true, 'en_US', now(), now()
               {"".join(", " + expr for expr in extra.values())}
          FROM (SELECT nextval('res_partner_id_seq') AS id, g
                  FROM generate_series(%(start)s, %(stop)s) g) s
        """,
        {"start": have + 1, "stop": partners},
    )
    cr.commit()
    vacuum_analyze(cr.dbname, "res_partner")
    return partners


def generate_tickets(env, requests, users, teams, subjects):
    cr = env.cr
    cr.execute("SELECT count(*) FROM helpdesk_ticket WHERE number LIKE 'BT%'")
    if cr.fetchone()[0] == requests:
        return False
    # helpdesk_ticket.duplicate_id (a self-reference) has no index: without this
    # one, the foreign key check scans the whole table for every deleted row.
    cr.execute(
        "CREATE INDEX IF NOT EXISTS bench_ticket_duplicate_idx "
        "ON helpdesk_ticket (duplicate_id)"
    )
    cr.execute("DELETE FROM helpdesk_ticket WHERE number LIKE 'BT%'")
    cr.execute("DROP INDEX bench_ticket_duplicate_idx")
    cr.execute(
        "DELETE FROM mail_followers f WHERE f.res_model = 'helpdesk.ticket' AND NOT "
        "EXISTS (SELECT 1 FROM helpdesk_ticket t WHERE t.id = f.res_id)"
    )
    print(f"  generating {requests:,} requests ...", flush=True)
    loket = is_loket(env)
    stages = env["helpdesk.ticket.stage"].search([], order="sequence")
    channels = env["helpdesk.ticket.channel"].search([], order="id")
    params = {
        "n": requests,
        "open": min(40_000, requests // 5),
        "users": users.ids,
        "per_team": USERS_PER_TEAM,
        "teams": teams.ids,
        "subjects": subjects.ids,
        "per_subject": SUBJECTS_PER_TEAM,
        "channels": channels.ids,
        "open_stages": stages.filtered(lambda s: not s.closed).ids,
        "closed_stages": stages.filtered("closed").ids,
        "company": env.company.id,
    }
    # Requests 1..n-open are closed and spread over two years; the newest are open
    # and received over the last 30 days (some near their deadline, some overdue).
    cr.execute(
        """
        CREATE TEMP TABLE bench_src ON COMMIT DROP AS
        SELECT g, g > %(n)s - %(open)s AS is_open, (g %% 5) + 1 AS t,
               CASE WHEN g > %(n)s - %(open)s
                    THEN now() - ((g::bigint * 7919) %% 43200) * interval '1 minute'
                    ELSE now() - interval '31 days'
                         - (%(n)s - g) * (730.0 / %(n)s) * interval '1 day'
               END AS received,
               (SELECT id FROM res_partner
                 WHERE ref = 'lbench-' || (1 + g * 31 %% p.total)) AS partner_id
          FROM generate_series(1, %(n)s) g,
               (SELECT count(*) AS total FROM res_partner WHERE ref LIKE 'lbench-%%') p
        """,
        params,
    )
    cr.execute(
        """
        INSERT INTO helpdesk_ticket (number, name, description, company_id, team_id,
               user_id, category_id, channel_id, stage_id, partner_id,
               commercial_partner_id, partner_name, partner_email, priority,
               kanban_state, sequence, color, active, unattended, create_date,
               write_date, create_uid, write_uid, last_stage_update, assigned_date,
               closed_date)
        SELECT 'BT' || lpad(g::text, 7, '0'), 'Question ' || g,
               '<p>Generated question ' || g || '</p>', %(company)s,
               (%(teams)s::int[])[t],
               CASE WHEN g %% 20 = 7 THEN NULL
                    ELSE (%(users)s::int[])[(t - 1) * %(per_team)s
                                            + 1 + (g / 5) %% %(per_team)s] END,
               (%(subjects)s::int[])[(t - 1) * %(per_subject)s
                                     + 1 + (g / 5) %% %(per_subject)s],
               (%(channels)s::int[])[1 + g %% cardinality(%(channels)s::int[])],
               CASE WHEN is_open
                    THEN (%(open_stages)s::int[])[1 + g %% 3]
                    ELSE (%(closed_stages)s::int[])[1 + (g %% 10 = 0)::int
                                                    + (g %% 30 = 0)::int] END,
               partner_id, partner_id, 'Anna Jansen', 'anna@example.nl',
               ((g %% 4)::text), 'normal', 10, 0, true, is_open AND g %% 3 = 0,
               received, received, 1, 1, received, received,
               CASE WHEN is_open THEN NULL ELSE received + interval '5 days' END
          FROM bench_src
        """,
        params,
    )
    # Followers as the mail thread would add them: requester and assignee.
    cr.execute(
        """
        INSERT INTO mail_followers (res_model, res_id, partner_id)
        SELECT 'helpdesk.ticket', t.id, t.partner_id FROM helpdesk_ticket t
         WHERE t.number LIKE 'BT%' AND t.partner_id IS NOT NULL
        UNION
        SELECT 'helpdesk.ticket', t.id, u.partner_id
          FROM helpdesk_ticket t JOIN res_users u ON u.id = t.user_id
         WHERE t.number LIKE 'BT%'
        ON CONFLICT DO NOTHING
        """
    )
    if loket:
        fill_loket_columns(cr)
    cr.commit()
    vacuum_analyze(cr.dbname, "helpdesk_ticket", "mail_followers")
    return True


def fill_loket_columns(cr):
    """received_date, is_callback and the deadline the ORM would compute."""
    from odoo.addons.gov_loket import working_days  # noqa: PLC0415

    cr.execute(
        """
        UPDATE helpdesk_ticket t
           SET received_date = t.create_date, is_callback = (s.g % 20 = 3),
               gov_reminder_sent = false, gov_escalated = false,
               first_time_right = false
          FROM bench_src s WHERE t.number = 'BT' || lpad(s.g::text, 7, '0')
        """
    )
    # Deadlines per distinct (local received date, norm): exact, few Python calls.
    cr.execute(
        """
        SELECT DISTINCT (t.received_date AT TIME ZONE 'UTC'
                         AT TIME ZONE 'Europe/Amsterdam')::date,
               CASE WHEN t.is_callback THEN c.callback_norm_days
                    ELSE c.service_norm_days END
          FROM helpdesk_ticket t JOIN helpdesk_ticket_category c ON c.id = t.category_id
         WHERE t.number LIKE 'BT%'
        """
    )
    pairs = [
        (day, norm, working_days.add_working_days(day, norm))
        for day, norm in cr.fetchall()
        if norm
    ]
    cr.execute(
        """
        CREATE TEMP TABLE bench_deadline ON COMMIT DROP AS
        SELECT * FROM unnest(%s::date[], %s::int[], %s::date[])
                   AS d(day, norm, deadline)
        """,
        [list(column) for column in zip(*pairs, strict=True)],
    )
    cr.execute(
        """
        UPDATE helpdesk_ticket t SET deadline_date = d.deadline
          FROM helpdesk_ticket_category c, bench_deadline d
         WHERE c.id = t.category_id AND t.number LIKE 'BT%'
           AND d.day = (t.received_date AT TIME ZONE 'UTC'
                        AT TIME ZONE 'Europe/Amsterdam')::date
           AND d.norm = CASE WHEN t.is_callback THEN c.callback_norm_days
                             ELSE c.service_norm_days END
        """
    )


def spec_from_view(model, xmlid, view_type):
    """The read specification the web client builds from a view's arch."""
    view_id = model.env.ref(xmlid).id
    arch = model.get_views([(view_id, view_type)])["views"][view_type]["arch"]
    spec = {}
    for node in etree.fromstring(arch).iter("field"):
        field = model._fields.get(node.get("name"))
        if not field or any(a.tag == "field" for a in node.iterancestors()):
            continue
        if field.type == "many2one":
            spec[field.name] = {"fields": {"display_name": {}}}
        elif field.type in ("many2many", "one2many") and "tags" in (
            node.get("widget") or ""
        ):
            sub = {"display_name": {}}
            if "color" in model.env[field.comodel_name]._fields:
                sub["color"] = {}
            spec[field.name] = {"fields": sub}
        else:
            spec[field.name] = {}
    return spec


def measure(env, func, runs):
    """p50/p95 ms over ``runs`` calls with a cold record cache, and queries per call."""
    func()  # warm the registry caches (views, rules) as on a running server
    cr = env.cr

    def call(_n):
        env.invalidate_all()
        before = cr.sql_log_count
        func()
        return cr.sql_log_count - before

    p50, p95, queries = timed(call, range(runs))
    return p50, p95, max(queries)


def bench_database(env, args):
    users, teams, subjects = setup_org(env)
    started = time.monotonic()
    partners = generate_partners(env.cr, args.partners)
    if generate_tickets(env, args.requests, users, teams, subjects):
        print(f"  generated in {time.monotonic() - started:.0f} s", flush=True)
    env.cr.commit()
    context = {"lang": "en_US", "tz": "Europe/Amsterdam"}
    context["allowed_company_ids"] = [env.company.id]
    employee, lead = users[1], users[0]  # both in the first team
    team = teams[0]
    results = {}

    tickets = env["helpdesk.ticket"].with_user(employee).with_context(context)
    list_spec = spec_from_view(tickets, "helpdesk_mgmt.ticket_view_tree", "list")
    my_domain = [("user_id", "=", employee.id), ("stage_id.closed", "=", False)]
    rows = tickets.web_search_read(my_domain, list_spec, limit=80)["length"]
    results["my"] = measure(
        env,
        lambda: tickets.web_search_read(
            my_domain, list_spec, limit=80, count_limit=10001
        ),
        args.runs,
    )

    context["default_team_id"] = team.id  # as the team dashboard opens the kanban
    tickets = env["helpdesk.ticket"].with_user(lead).with_context(context)
    kanban_spec = spec_from_view(
        tickets, "helpdesk_mgmt.view_helpdesk_ticket_kanban", "kanban"
    )
    team_domain = [("team_id", "=", team.id)]
    results["kanban"] = measure(
        env,
        lambda: tickets.web_read_group(
            team_domain,
            ["stage_id"],
            ["__count"],
            auto_unfold=True,
            unfold_read_specification=kanban_spec,
            unfold_read_default_limit=40,
        ),
        args.runs,
    )
    progress_bar = {"field": "activity_state", "colors": {"planned": "success"}}
    results["progress"] = measure(
        env,
        lambda: tickets.read_progress_bar(team_domain, "stage_id", progress_bar),
        max(3, args.runs // 4),
    )
    if is_loket(env):
        # The team lead's headline figures, over all of their teams' requests.
        results["dashboard"] = measure(
            env, lambda: tickets.get_loket_dashboard(), args.runs
        )
    in_team = tickets.search_count(team_domain)
    print(
        f"  {partners:,} partners, {args.requests:,} requests; My requests: {rows} "
        f"open of the employee; team kanban: {in_team:,} requests in the team",
        flush=True,
    )
    if is_loket(env) and not args.skip_job:
        results["cron"] = bench_cron(env)
    return results


def bench_cron(env):
    """One full run of the follow-up job as the scheduler runs it, then rolled back."""
    tickets = env["helpdesk.ticket"]
    open_count = tickets.search_count([("stage_id.closed", "=", False)])
    runs = []
    for _n in range(2):  # first run does all the work, the second finds nothing new
        env.invalidate_all()
        started = time.perf_counter()
        counts = tickets._cron_gov_deadline_follow_up()
        env.flush_all()
        runs.append((time.perf_counter() - started, *counts))
    env.cr.rollback()
    return open_count, runs


ROWS = (
    ("my", '"My requests" list (web_search_read, 80)', 150),
    ("kanban", "Team kanban (web_read_group + first 40)", 150),
    ("progress", "  + kanban progress bars (activity_state)", None),
)


def report(loket, stock):
    print("\nServer time in ms (p50 / p95, cold record cache), max queries per call")
    print(f"{'':<44}{'gov_loket':>22}{'stock helpdesk_mgmt':>24}{'target':>9}")
    for key, label, target in ROWS:
        cells = [
            f"{res[key][0]:7.1f} /{res[key][1]:7.1f} q{res[key][2]:<4}"
            for res in (loket, stock)
        ]
        goal = f"< {target}" if target else "-"
        print(f"{label:<44}{cells[0]:>22}{cells[1]:>24}{goal:>9}")
    if "dashboard" in loket:
        p50, p95, queries = loket["dashboard"]
        cell = f"{p50:7.1f} /{p95:7.1f} q{queries:<4}"
        print(
            f"{'Loket dashboard figures':<44}{cell:>22}"
            f"{'(no stock counterpart)':>24}{'< 500':>9}"
        )
    if "cron" not in loket:
        print("\nReminder/escalation job: skipped (--skip-job)")
        return
    open_count, runs = loket["cron"]
    print(
        f"\nReminder/escalation job over {open_count:,} open requests (gov_loket only:"
    )
    print("stock helpdesk_mgmt has no such job); target < 60 s, rolled back afterwards")
    for label, (seconds, reminded, escalated) in zip(
        ("first run", "second run"), runs, strict=True
    ):
        print(
            f"  {label:<11}{seconds:8.1f} s   {reminded:,} reminders, "
            f"{escalated:,} escalations"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--partners", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--skip-job", action="store_true", help="do not run the follow-up job"
    )
    # ./gov bench passes the same options to every bench script.
    args, _unknown = parser.parse_known_args()
    results = {}
    for db, module in DBS:
        print(f"Database {db} ({module})", flush=True)
        with bench_env(args.config, db, module) as env:
            results[module] = bench_database(env, args)
    report(results["gov_loket"], results["helpdesk_mgmt"])


if __name__ == "__main__":
    main()
