"""``./gov create`` (so ``./gov run``) makes a Dutch database showing its features.

A public body's database speaks the organisation's language from the start: the
company, every user and every relation (also those created later) are Dutch, the
menus are translated, and English stays one choice away; the public pages speak
Dutch. The demo data shows the network at work (the demo province sits in a network
picture with partners) and offers municipal subjects only.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from run_tests import drop_db  # noqa: E402

DB = "gov_test_new_database"

# Runs inside `odoo shell` on the new database; prints one JSON line.
PROBE = """
import json
Partner = env["res.partner"]
province = env.ref("gov_addressbook.partner_province_demo")
picture = Partner.gov_network_graph([province.id], depth=1)
citizen = Partner.with_user(env.ref("base.user_demo")).create({"name": "Nieuwe Burger"})
print("PROBE " + json.dumps({
    "company": env.company.partner_id.lang,
    "admin": env.ref("base.user_admin").lang,
    "jan": env.ref("gov_addressbook.partner_citizen_1_demo").lang,
    "new_relation": citizen.lang,
    "languages": sorted(env["res.lang"].search([]).mapped("code")),
    "menus": [
        env.ref(xmlid).with_context(lang="nl_NL").name
        for xmlid in (
            "base.menu_administration",
            "gov_addressbook.gov_addressbook_menu_register",
        )
    ],
    "it_subjects_active": [
        env.ref(f"helpdesk_mgmt.helpdesk_category_{n}").active for n in range(1, 6)
    ],
    "public_pages_language": env["ir.default"]._get("res.partner", "lang"),
    "picture_nodes": len(picture["nodes"]),
    "picture_edges": len(picture["edges"]),
}))
env.cr.rollback()
"""


@pytest.fixture
def new_database(odoo_config):
    drop_db(odoo_config, DB)
    yield DB
    drop_db(odoo_config, DB)


def test_new_database_is_dutch_and_shows_the_network(new_database):
    env = dict(os.environ, GOV_DB=new_database)
    log = ROOT / ".work" / "test-logs" / "new-database.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        created = subprocess.run(
            [str(ROOT / "gov"), "create"], env=env, stdout=out, stderr=out, check=False
        )
    assert created.returncode == 0, f"./gov create failed, see {log}"
    shell = subprocess.run(
        [str(ROOT / "gov"), "odoo", "shell", "-d", new_database, "--no-http"],
        input=PROBE,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    lines = [x for x in shell.stdout.splitlines() if x.startswith("PROBE ")]
    assert lines, f"odoo shell printed no result: {shell.stderr[-2000:]}"
    found = json.loads(lines[0][len("PROBE ") :])

    assert found["company"] == "nl_NL"
    assert found["admin"] == "nl_NL"
    assert found["jan"] == "nl_NL", "demo citizens get the organisation's language"
    assert found["new_relation"] == "nl_NL", "a new relation gets it too"
    assert found["languages"] == ["en_US", "nl_NL"], "English stays one choice away"
    assert found["menus"] == ["Instellingen", "Contact registreren"], "Odoo's and ours"
    # helpdesk_mgmt's IT demo subjects (Software, Wifi…) are not offered.
    assert found["it_subjects_active"] == [False] * 5
    # What a visitor's first public page speaks (gov_addressbook's ir.http).
    assert found["public_pages_language"] == "nl_NL"
    assert found["picture_nodes"] >= 4, found
    assert found["picture_edges"] >= 3, found
