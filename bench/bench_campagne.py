"""Benchmark of Campagne (issue 5) on generated data.

Generates partners with SQL in database ``gov_bench_campagne`` (created with
gov_campagne, no demo data, once; reused afterwards). Of them, about
``--recipients`` carry a mailing tag, with a few per cent marked do-not-contact,
deceased or blacklisted so the exclusions have work to do. It measures:

1. preparing a mailing of a campaign to those recipients: segment evaluation,
   exclusions (the campaign audience as the mailing computes it) and queueing;
   then the letters and SMS for the one in fifty who prefers them;
   plus, for information, composing the mails of a sample batch (the work the
   mass-mailing cron does later, in batches);
2. logging one outbound contact moment per recipient through the ORM in
   batches (targets: preparation under 60 s, moments under 2 minutes);
3. the campaign's live audience count on all generated partners (target under
   1 s on 1,000,000 partners).

Everything the measurements create is rolled back; only the generated partners
stay. Usage: ./gov bench  (or: .work/venv/bin/python bench/bench_campagne.py
--config .work/odoo.conf [--partners N] [--recipients N] [--batch N]
[--compose N])
"""

import argparse
import statistics
import time
from unittest.mock import patch

from benchlib import bench_env

PARTNERS = 1_000_000
RECIPIENTS = 100_000
DB = "gov_bench_campagne"
TAG = "Bench campagne mailing"


def generate(env, partners, recipients):
    """Insert partners, blacklist entries and the mailing tag with SQL."""
    cr = env.cr
    cr.execute("SELECT count(*) FROM res_partner WHERE ref LIKE 'bcmp-%%'")
    have = cr.fetchone()[0]
    started = time.monotonic()
    if have < partners:
        print(f"Generating {partners - have:,} partners ...", flush=True)
        cr.execute(
            """
            INSERT INTO res_partner (name, complete_name, gov_sort_name, email,
                   email_normalized, city, zip, ref, active, type, is_company,
                   gov_party_type, gov_do_not_contact, gov_deceased, lang,
                   create_date, write_date)
            SELECT 'Bewoner ' || g, 'Bewoner ' || g, 'bewoner ' || g,
                   'bewoner.' || g || '@example.nl', 'bewoner.' || g || '@example.nl',
                   (ARRAY['Zwolle','Deventer','Kampen','Almelo','Hengelo'])[1 + g %% 5],
                   lpad((1000 + g %% 9000)::text, 4, '0') || ' AB', 'bcmp-' || g,
                   true, 'contact', false,
                   (ARRAY['citizen','citizen','citizen','company','press',
                          'civil_society'])[1 + g %% 6],
                   g %% 50 = 0, g %% 97 = 0, 'en_US', now(), now()
              FROM generate_series(%(start)s, %(stop)s) g
            """,
            {"start": have + 1, "stop": partners},
        )
        cr.execute(
            """
            INSERT INTO mail_blacklist (email, active, create_date, write_date)
            SELECT 'bewoner.' || g || '@example.nl', true, now(), now()
              FROM generate_series(%(start)s, %(stop)s) g
             WHERE g %% 61 = 0
            ON CONFLICT DO NOTHING
            """,
            {"start": have + 1, "stop": partners},
        )
    # One in a hundred prefers a letter (with a postal address), one in a
    # hundred an SMS (with a mobile number), so every send splits by channel.
    cr.execute(
        """
        UPDATE res_partner
           SET preferred_channel = CASE WHEN id %% 100 = 1 THEN 'letter'
                                        ELSE 'sms' END,
               street = CASE WHEN id %% 100 = 1 THEN 'Dorpsstraat ' || id END,
               phone = CASE WHEN id %% 100 = 2
                   THEN '06 ' || lpad((id %% 100000000)::text, 8, '0') END,
               phone_sanitized = CASE WHEN id %% 100 = 2
                   THEN '+316' || lpad((id %% 100000000)::text, 8, '0') END
         WHERE ref LIKE 'bcmp-%%' AND id %% 100 IN (1, 2) AND preferred_channel IS NULL
        """,
        {},  # with parameters, so "%%" is read as "%" like in the queries above
    )
    tag = env["res.partner.category"].search([("name", "=", TAG)], limit=1)
    if not tag:
        tag = env["res.partner.category"].create({"name": TAG})
    # About 5 % of the tagged partners are excluded, so tag a little more.
    to_tag = min(partners, recipients * 105 // 100)
    cr.execute(
        """
        INSERT INTO res_partner_res_partner_category_rel (category_id, partner_id)
        SELECT %(tag)s, id FROM res_partner
         WHERE ref LIKE 'bcmp-%%' AND id NOT IN (
               SELECT partner_id FROM res_partner_res_partner_category_rel
                WHERE category_id = %(tag)s)
         ORDER BY id
         LIMIT GREATEST(0, %(want)s - (SELECT count(*)
               FROM res_partner_res_partner_category_rel WHERE category_id = %(tag)s))
        """,
        {"tag": tag.id, "want": to_tag},
    )
    cr.execute("ANALYZE res_partner")
    cr.execute("ANALYZE res_partner_res_partner_category_rel")
    cr.execute("ANALYZE mail_blacklist")
    cr.commit()
    env.invalidate_all()
    print(f"Data ready in {time.monotonic() - started:.0f} s", flush=True)
    return tag


def stopwatch(label, func):
    started = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - started
    print(f"  {label:<52}{elapsed:>8.2f} s", flush=True)
    return result, elapsed


def bench_mailing(env, tag, compose):
    audience = f"[('category_id', 'in', [{tag.id}])]"
    campaign = env["gov.campaign"].create(
        {"name": "Bench mailing", "audience_domain": audience}
    )
    mailing = env["mailing.mailing"].create(
        {
            "subject": "Bench: road works this summer",
            "body_html": "<p>Dear resident, the road is closed in July.</p>",
            "mailing_model_id": env["ir.model"]._get_id("res.partner"),
            "mailing_domain": audience,
            "gov_campaign_id": campaign.id,
            "email_from": "communicatie@provincie.example",
        }
    )
    env.flush_all()
    env.invalidate_all()
    print("\nPreparing a campaign mailing")
    base, t_segment = stopwatch(
        "segment evaluation (partners in the segment)",
        lambda: env["res.partner"].search(campaign._parse_audience_domain()).ids,
    )
    recipients, t_exclusions = stopwatch(
        "segment + exclusions (mailing recipients)",
        mailing._get_remaining_recipients,
    )
    _, t_queue = stopwatch("queueing (mailing launched)", mailing.action_launch)
    stopwatch(
        "letters + SMS for who prefers them (once)", mailing._gov_send_other_channels
    )
    print(
        f"  ({mailing.gov_letter_count:,} letters, {mailing.gov_sms_count:,} SMS, "
        f"with their contact moments)"
    )
    print(
        f"  {len(base):,} in segment, {len(recipients):,} recipients after "
        f"exclusions; total {t_segment + t_exclusions + t_queue:.2f} s"
    )
    if compose:
        from odoo.modules import module  # noqa: PLC0415

        sample = recipients[:compose]
        # The composer commits after each batch outside tests; the bench rolls
        # everything back, so it runs the composer as the test runner would.
        with patch.object(module, "current_test", True):
            _, t_compose = stopwatch(
                f"composing {len(sample):,} mails + traces (cron work)",
                lambda: mailing.action_send_mail(res_ids=sample),
            )
        rate = len(sample) / t_compose if t_compose else 0
        print(f"  ({rate:,.0f} mails/s in the cron's batches)")
    return recipients


def bench_contact_moments(env, partner_ids, batch):
    Moment = env["gov.contact.moment"].with_context(
        tracking_disable=True, mail_create_nolog=True
    )
    now = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime())
    print(f"\nLogging {len(partner_ids):,} outbound contact moments")

    def log_all():
        for offset in range(0, len(partner_ids), batch):
            Moment.create(
                [
                    {
                        "partner_id": partner_id,
                        "channel": "email",
                        "direction": "outbound",
                        "subject": "Bench: road works this summer",
                        "occurred_at": now,
                        "confidentiality": "openbaar",
                        "res_model": "mailing.mailing",
                    }
                    for partner_id in partner_ids[offset : offset + batch]
                ]
            )
            env.flush_all()
            env.invalidate_all()

    _, elapsed = stopwatch(f"ORM create in batches of {batch:,}", log_all)
    print(f"  ({len(partner_ids) / elapsed:,.0f} contact moments/s)")


def bench_live_count(env, tag, partners):
    domains = {
        "everyone": "[]",
        "party type press": "[('gov_party_type', '=', 'press')]",
        "citizens in one city": "[('gov_party_type', '=', 'citizen'), "
        "('city', '=', 'Zwolle')]",
        "postcode area 12xx": "[('zip', '=like', '12%')]",
        "mailing tag": f"[('category_id', 'in', [{tag.id}])]",
    }
    env.cr.execute("SELECT count(*) FROM res_partner")
    partners = env.cr.fetchone()[0]
    print(f"\nLive audience count on {partners:,} partners (s; 3 runs each)")
    print(f"  {'audience':<24}{'median':>8}{'max':>8}{'in audience':>14}{'reach':>10}")
    for label, domain in domains.items():
        campaign = env["gov.campaign"].create(
            {"name": label, "audience_domain": domain}
        )
        durations = []
        for _ in range(3):
            campaign.invalidate_recordset()
            started = time.perf_counter()
            reach = campaign.audience_count
            total = campaign.audience_total_count
            durations.append(time.perf_counter() - started)
        print(
            f"  {label:<24}{statistics.median(durations):>8.3f}{max(durations):>8.3f}"
            f"{total:>14,}{reach:>10,}"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--partners", type=int, default=PARTNERS)
    parser.add_argument("--recipients", type=int, default=RECIPIENTS)
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--compose", type=int, default=1_000)
    # ./gov bench passes its arguments to every bench script: ignore the others'.
    args, _ = parser.parse_known_args()

    with bench_env(args.config, DB, "gov_campagne") as env:
        cr = env.cr
        tag = generate(env, args.partners, args.recipients)
        recipients = bench_mailing(env, tag, args.compose)
        bench_contact_moments(env, recipients, args.batch)
        cr.rollback()
        bench_live_count(env, tag, args.partners)
        cr.rollback()


if __name__ == "__main__":
    main()
