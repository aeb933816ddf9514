"""Issue 11 over the wire: non-admin users attack a running server through
XML-RPC and JSON-2, the way an insider with an API key would."""

import xmlrpc.client
from datetime import datetime, timedelta

import pytest
import requests

PASSWORD = "Security-Test-1"
BSN_TARGET = "123456782"  # eleven test passes; made up for these tests


class Rpc:
    def __init__(self, url, db, login, password):
        self.db, self.password = db, password
        common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common")
        self.uid = common.authenticate(db, login, password, {})
        assert self.uid, f"{login} cannot log in"
        self.models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object")

    def __call__(self, model, method, *args, **kwargs):
        return self.models.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kwargs
        )

    def refused(self, model, method, *args, **kwargs):
        """The fault string of a call that must fail."""
        with pytest.raises(xmlrpc.client.Fault) as fault:
            self(model, method, *args, **kwargs)
        return fault.value.faultString


@pytest.fixture(scope="module")
def world(odoo_url, odoo_db):
    admin = Rpc(odoo_url, odoo_db, "admin", "admin")

    def group(xml_id):
        module, name = xml_id.split(".")
        [data] = admin(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            ["res_id"],
        )
        return data["res_id"]

    def user(login, *groups):
        if admin("res.users", "search", [("login", "=", login)]):
            return Rpc(odoo_url, odoo_db, login, PASSWORD)  # a second run
        admin(
            "res.users",
            "create",
            {
                "name": login.replace("_", " ").title(),
                "login": login,
                "password": PASSWORD,
                "group_ids": [(4, group(xml_id)) for xml_id in groups],
            },
        )
        return Rpc(odoo_url, odoo_db, login, PASSWORD)

    owner = user("sec_owner", "gov_addressbook.group_user")
    intruder = user("sec_intruder", "gov_loket.group_employee")
    clerk = user(
        "sec_bsn_clerk",
        "gov_addressbook.group_user",
        "gov_addressbook.group_bsn_access",
    )
    admin(
        "res.users",
        "write",
        [admin.uid],
        {
            "group_ids": [
                (4, group("gov_addressbook.group_bsn_access")),
                (4, group("gov_addressbook.group_privacy_officer")),
            ]
        },
    )
    # A second run on the same database reuses the citizen (and its log).
    found = admin("res.partner", "search", [("bsn", "=", BSN_TARGET)])
    citizen = (
        found[0]
        if found
        else admin(
            "res.partner",
            "create",
            {
                "name": "Rpc Doelwit",
                "bsn": BSN_TARGET,
                "relationship_manager_id": owner.uid,
            },
        )
    )
    secret = admin(
        "gov.contact.moment",
        "create",
        {
            "partner_id": citizen,
            "subject": "Schuldhulp",
            "confidentiality": "geheim",
            "user_id": owner.uid,
        },
    )
    return {
        "admin": admin,
        "owner": owner,
        "intruder": intruder,
        "clerk": clerk,
        "citizen": citizen,
        "secret": secret,
    }


def processing_log(world, **filters):
    domain = [(key, "=", value) for key, value in filters.items()]
    return world["admin"](
        "gov.processing.log",
        "search_read",
        [("partner_id", "=", world["citizen"]), *domain],
        ["activity", "purpose", "origin"],
        order="id",
    )


def test_insider_cannot_make_themselves_relationship_manager(world):
    intruder, citizen = world["intruder"], world["citizen"]
    fault = intruder.refused(
        "res.partner", "write", [citizen], {"relationship_manager_id": intruder.uid}
    )
    assert "Only an address-book manager or the current relationship manager" in fault
    assert not intruder("gov.contact.moment", "search", [("partner_id", "=", citizen)])


def test_grouping_by_bsn_is_refused_over_rpc(world):
    clerk = world["clerk"]
    for method, args in [
        ("formatted_read_group", ([], ["bsn"], ["__count"])),
        ("web_read_group", ([], ["bsn"], ["__count"])),
        ("formatted_read_group", ([], ["name"], ["bsn:array_agg"])),
    ]:
        fault = clerk.refused("res.partner", method, *args)
        assert "cannot be grouped or totalled by BSN" in fault
        assert BSN_TARGET not in fault


def test_the_log_records_what_the_server_knows(world):
    """A caller who claims a purpose or the web client's form still gets
    "relation management" over "RPC" in the processing log."""
    clerk, citizen = world["clerk"], world["citizen"]
    rows = clerk(
        "res.partner",
        "web_read",
        [citizen],
        {"bsn": {}},
        context={
            "gov_processing_purpose": "privacy_request",
            "gov_processing_origin": "form",
        },
    )
    assert rows[0]["bsn"] == BSN_TARGET
    line = processing_log(world, activity="read_bsn")[-1]
    assert line["purpose"] == "relation_management"
    assert line["origin"] == "rpc"


def test_json2_with_a_users_api_key_is_held_to_the_same_rules(
    world, odoo_url, odoo_config, odoo_db
):
    from odoo import api, tools  # noqa: PLC0415 - Odoo is imported only when needed
    from odoo.modules.registry import Registry  # noqa: PLC0415

    tools.config.parse_config(["-c", odoo_config], setup_logging=False)
    with Registry(odoo_db).cursor() as cr:
        env = api.Environment(cr, api.SUPERUSER_ID, {})
        key = (
            env["res.users.apikeys"]
            .with_user(world["intruder"].uid)
            ._generate("rpc", "security test", datetime.now() + timedelta(days=1))
        )
    answer = requests.post(
        f"{odoo_url}/json/2/res.partner/write",
        headers={"Authorization": f"bearer {key}", "X-Odoo-Database": odoo_db},
        json={
            "ids": [world["citizen"]],
            "vals": {"relationship_manager_id": world["intruder"].uid},
        },
        timeout=30,
    )
    assert answer.status_code == 403, answer.text
    assert "current relationship manager" in answer.json()["message"]


def test_clear_refusals_name_field_and_allowed_values(world):
    owner = world["owner"]
    fault = owner.refused(
        "res.partner", "create", {"name": "X", "gov_party_type": "alien"}
    )
    assert "is not a valid value for Party type. Allowed values: citizen" in fault
    assert "Wrong value for" not in fault
    fault = owner.refused(
        "gov.contact.moment",
        "create",
        {"partner_id": world["citizen"], "subject": "S", "occurred_at": "12/31/2026 %"},
    )
    assert "is not a valid date and time for When" in fault
    assert "stray" not in fault
    fault = owner.refused(
        "res.partner", "create", {"name": "Nul", "kvk_number": "0" * 8}
    )
    assert "only zeros" in fault
    fault = owner.refused("res.partner", "create", {"name": "N" * 100_000})
    assert "too long" in fault


def test_contact_moment_cannot_point_at_a_system_record(world):
    owner = world["owner"]
    fault = owner.refused(
        "gov.contact.moment",
        "create",
        {
            "partner_id": world["citizen"],
            "subject": "S",
            "res_model": "ir.config_parameter",
            "res_id": 1,
        },
    )
    assert "cannot come from a record of type" in fault
