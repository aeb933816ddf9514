"""Issue 15: colleagues saving at the same moment on a running server get no
error, and "colleague knows contact" exists once."""

import uuid
import xmlrpc.client
from concurrent.futures import ThreadPoolExecutor

PASSWORD = "Concurrent-Test-1"
THREADS = 8


def test_simultaneous_contact_moments_for_one_pair(odoo_url, odoo_db):
    common = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/common")
    admin_uid = common.authenticate(odoo_db, "admin", "admin", {})

    def as_admin(model, method, *args, **kwargs):
        proxy = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/object")
        return proxy.execute_kw(
            odoo_db, admin_uid, "admin", model, method, list(args), kwargs
        )

    [group] = as_admin(
        "ir.model.data",
        "search_read",
        [("module", "=", "gov_addressbook"), ("name", "=", "group_user")],
        ["res_id"],
    )
    login = f"concurrent_employee_{uuid.uuid4().hex[:8]}"
    user_id = as_admin(
        "res.users",
        "create",
        {
            "name": "Concurrent Employee",
            "login": login,
            "password": PASSWORD,
            "group_ids": [(4, group["res_id"])],
        },
    )
    # An organisation: contacts with citizens make no "knows" (gov_network setting).
    partner_id = as_admin(
        "res.partner",
        "create",
        {
            "name": "Gedeelde Stichting",
            "is_company": True,
            "gov_party_type": "civil_society",
        },
    )

    def save(number):
        # One connection per thread, as separate clients would have.
        proxy = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/object")
        return proxy.execute_kw(
            odoo_db,
            user_id,
            PASSWORD,
            "gov.contact.moment",
            "create",
            [{"partner_id": partner_id, "subject": f"Gelijktijdig {number}"}],
        )

    with ThreadPoolExecutor(THREADS) as pool:
        moment_ids = list(pool.map(save, range(THREADS)))  # a Fault would raise here
    assert len(set(moment_ids)) == THREADS

    [cron] = as_admin(
        "ir.model.data",
        "search_read",
        [("module", "=", "gov_network"), ("name", "=", "ir_cron_knows_queue")],
        ["res_id"],
    )
    as_admin("ir.cron", "method_direct_trigger", [cron["res_id"]])
    [me] = as_admin("res.users", "read", [user_id], ["partner_id"])
    knows = as_admin(
        "res.partner.relation",
        "search_read",
        [
            ("left_partner_id", "=", me["partner_id"][0]),
            ("right_partner_id", "=", partner_id),
        ],
        ["strength"],
    )
    assert len(knows) == 1
    assert knows[0]["strength"] == 2  # eight contacts: "regular contact"
