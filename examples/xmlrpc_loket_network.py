"""Integrator example: a Loket request and the network over XML-RPC.

Usage: ODOO_URL=http://127.0.0.1:8069 ODOO_DB=gov ODOO_LOGIN=admin \
       ODOO_PASSWORD=admin python examples/xmlrpc_loket_network.py
"""

import os
import xmlrpc.client

url = os.environ.get("ODOO_URL", "http://127.0.0.1:8069")
db = os.environ.get("ODOO_DB", "gov")
login = os.environ.get("ODOO_LOGIN", "admin")
password = os.environ.get("ODOO_PASSWORD", "admin")

uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(
    db, login, password, {}
)
models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object", allow_none=True)


def call(model, method, *args, **kwargs):
    return models.execute_kw(db, uid, password, model, method, list(args), kwargs)


def ref(xmlid):
    module, name = xmlid.split(".")
    [data] = call(
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        fields=["res_id"],
    )
    return data["res_id"]


# A citizen asks about a parking permit; the subject carries a norm of 5 working days.
citizen_id = call(
    "res.partner",
    "create",
    {"name": "Noor Bakker", "gov_party_type": "citizen", "email": "noor@example.nl"},
)
subject_id = call(
    "helpdesk.ticket.category",
    "create",
    {"name": "Parking permit", "service_norm_days": 5},
)
request_id = call(
    "helpdesk.ticket",
    "create",
    {
        "name": "Can I get a second parking permit?",
        "description": "We have two cars.",
        "partner_id": citizen_id,
        "category_id": subject_id,
    },
)
[request] = call("helpdesk.ticket", "read", [request_id], fields=["deadline_date"])
print("deadline:", request["deadline_date"])

# Hand it over (here to ourselves), then answer it by e-mail: this closes it.
call("helpdesk.ticket", "action_hand_over", [request_id], uid, "Please check the rules")
call(
    "helpdesk.ticket",
    "action_answer",
    [request_id],
    "Yes, at the same address.",
    "email",
)
moments = call(
    "gov.contact.moment",
    "search_read",
    [("partner_id", "=", citizen_id)],
    fields=["direction", "channel"],
    order="id",
)
print("timeline:", [(m["direction"], m["channel"]) for m in moments])

# Network: we know the alderman, who is alderman of the municipality.
me = call("res.users", "read", [uid], fields=["partner_id"])[0]["partner_id"][0]
alderman_id = call("res.partner", "create", {"name": "Wethouder Example"})
town_id = call(
    "res.partner", "create", {"name": "Gemeente Example", "is_company": True}
)
call(
    "res.partner.relation",
    "create",
    {
        "left_partner_id": me,
        "right_partner_id": alderman_id,
        "type_id": ref("gov_network.relation_type_knows"),
        "context": "Met at the regional mobility table",
    },
)
call(
    "res.partner.relation",
    "create",
    {
        "left_partner_id": alderman_id,
        "right_partner_id": town_id,
        "type_id": ref("gov_network.relation_type_alderman"),
    },
)
paths = call("res.partner", "find_introduction_path", town_id)
labels = {me: "me", alderman_id: "alderman", town_id: "municipality"}
print("introduction path:", " -> ".join(labels[step] for step in paths[0]))
