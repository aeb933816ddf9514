"""All five gov addons installed together form one Relaties app."""

import xmlrpc.client

GOV_APPS = [
    "gov_addressbook",
    "gov_loket",
    "gov_campagne",
    "gov_network",
    "gov_gemma_sync",
]
GOV_ADDONS = [
    *GOV_APPS,
    "gov_addressbook_certification",
    "gov_addressbook_import",
    "gov_klantinteracties",
]


def _admin(odoo_url, odoo_db):
    common = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/common")
    uid = common.authenticate(odoo_db, "admin", "admin", {})
    models = xmlrpc.client.ServerProxy(f"{odoo_url}/xmlrpc/2/object")

    def call(model, method, *args, **kwargs):
        return models.execute_kw(
            odoo_db, uid, "admin", model, method, list(args), kwargs
        )

    return call


def test_every_addon_is_installed(odoo_url, odoo_db):
    call = _admin(odoo_url, odoo_db)
    modules = call(
        "ir.module.module",
        "search_read",
        [("name", "in", GOV_ADDONS)],
        fields=["name", "state"],
    )
    assert {m["name"]: m["state"] for m in modules} == dict.fromkeys(
        GOV_ADDONS, "installed"
    )


def test_every_addon_adds_its_menus_to_the_relaties_app(odoo_url, odoo_db):
    call = _admin(odoo_url, odoo_db)
    [root] = call(
        "ir.model.data",
        "search_read",
        [
            ("module", "=", "gov_addressbook"),
            ("name", "=", "gov_addressbook_menu_root"),
        ],
        fields=["res_id"],
    )
    menu_refs = call(
        "ir.model.data",
        "search_read",
        [("model", "=", "ir.ui.menu"), ("module", "in", GOV_APPS)],
        fields=["module", "res_id"],
    )
    menus = call(
        "ir.ui.menu",
        "read",
        [ref["res_id"] for ref in menu_refs],
        fields=["parent_path"],
    )
    under_root = {
        menu["id"]
        for menu in menus
        if menu["parent_path"].startswith(f"{root['res_id']}/")
    }
    contributing = {ref["module"] for ref in menu_refs if ref["res_id"] in under_root}
    assert contributing == set(GOV_APPS)
