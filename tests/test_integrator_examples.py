"""The README's integrator examples run against a real server and do what they say."""

import xmlrpc.client
from pathlib import Path

from conftest import ROOT, run_example


def test_readme_shows_the_examples_verbatim():
    readme = (ROOT / "README.md").read_text()
    for name in ("xmlrpc_partners.py", "json2_partners.py", "xmlrpc_loket_network.py"):
        body = (ROOT / "examples" / name).read_text()
        code = body.split('"""', 2)[2].strip()  # the script without its docstring
        assert code in readme, f"README.md no longer shows examples/{name}"


def test_xmlrpc_example(odoo_url, odoo_db):
    out = run_example(
        "xmlrpc_partners.py",
        ODOO_URL=odoo_url,
        ODOO_DB=odoo_db,
        ODOO_LOGIN="admin",
        ODOO_PASSWORD="admin",
    )
    assert "refused: KvK number is not valid: it must be exactly 8 digits." in out
    assert "company: Bakkerij De Korenbloem 69123456" in out
    assert "contact moments: 1" in out


def test_json2_example(odoo_url, odoo_db, admin_api_key):
    out = run_example(
        "json2_partners.py",
        ODOO_URL=odoo_url,
        ODOO_DB=odoo_db,
        ODOO_API_KEY=admin_api_key,
    )
    assert "government: Gemeente Voorbeeld GM0999" in out


def test_loket_and_network_example(odoo_url, odoo_db):
    out = run_example(
        "xmlrpc_loket_network.py",
        ODOO_URL=odoo_url,
        ODOO_DB=odoo_db,
        ODOO_LOGIN="admin",
        ODOO_PASSWORD="admin",
    )
    assert "deadline: " in out
    # One inbound contact when the request came in, one outbound e-mail answering it.
    assert "timeline: [('inbound', " in out
    assert "('outbound', 'email')]" in out
    assert "introduction path: me -> alderman -> municipality" in out


def test_bsn_refused_over_xmlrpc_without_bsn_access(odoo_url, odoo_db):
    common = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/common")
    admin_uid = common.authenticate(odoo_db, "admin", "admin", {})
    models = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/object")

    def as_admin(model, method, *args):
        return models.execute_kw(odoo_db, admin_uid, "admin", model, method, list(args))

    def group(name):
        [data] = as_admin(
            "ir.model.data",
            "search_read",
            [("module", "=", "gov_addressbook"), ("name", "=", name)],
            ["res_id"],
        )
        return data["res_id"]

    # Even the administrator registers a BSN only with BSN access.
    as_admin(
        "res.users",
        "write",
        [admin_uid],
        {"group_ids": [(4, group("group_bsn_access"))]},
    )
    login = f"integrator_{Path(__file__).stem}"
    user_id = as_admin(
        "res.users",
        "create",
        {
            "name": "Integrator Employee",
            "login": login,
            "password": "Integrator-Employee-1",
            "group_ids": [(4, group("group_user"))],
        },
    )
    citizen_id = as_admin(
        "res.partner", "create", {"name": "Piet Burger", "bsn": "111222333"}
    )
    uid = common.authenticate(odoo_db, login, "Integrator-Employee-1", {})
    assert uid == user_id
    names = models.execute_kw(
        odoo_db,
        uid,
        "Integrator-Employee-1",
        "res.partner",
        "read",
        [[citizen_id]],
        {"fields": ["name"]},
    )
    assert names[0]["name"] == "Piet Burger"
    try:
        models.execute_kw(
            odoo_db,
            uid,
            "Integrator-Employee-1",
            "res.partner",
            "read",
            [[citizen_id]],
            {"fields": ["bsn"]},
        )
    except xmlrpc.client.Fault as fault:
        assert "BSN" in fault.faultString or "bsn" in fault.faultString
    else:
        raise AssertionError("an employee without BSN access could read the BSN")
