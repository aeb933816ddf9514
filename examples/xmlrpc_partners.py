"""Integrator example: the address book over XML-RPC.

Usage: ODOO_URL=http://127.0.0.1:8069 ODOO_DB=gov ODOO_LOGIN=admin \
       ODOO_PASSWORD=admin python examples/xmlrpc_partners.py
ODOO_PASSWORD may also be an API key (Preferences > Account Security).
"""

import os
import xmlrpc.client

url = os.environ.get("ODOO_URL", "http://127.0.0.1:8069")
db = os.environ.get("ODOO_DB", "gov")
login = os.environ.get("ODOO_LOGIN", "admin")
password = os.environ.get("ODOO_PASSWORD", "admin")

common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common")
uid = common.authenticate(db, login, password, {})
if not uid:
    raise SystemExit("Login refused: check ODOO_DB, ODOO_LOGIN and ODOO_PASSWORD.")
models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object")


def call(model, method, *args, **kwargs):
    return models.execute_kw(db, uid, password, model, method, list(args), kwargs)


# Create a company with its KvK number; a wrong number is refused with a clear fault.
company_id = call(
    "res.partner",
    "create",
    {
        "name": "Bakkerij De Korenbloem",
        "is_company": True,
        "gov_party_type": "company",
        "kvk_number": "6912 3456",
        "city": "Leiden",
    },
)
try:
    call("res.partner", "create", {"name": "Wrong", "kvk_number": "123"})
except xmlrpc.client.Fault as fault:
    print("refused:", fault.faultString.strip().splitlines()[-1])

# Search companies by party type and read the stored (normalised) KvK number.
companies = call(
    "res.partner",
    "search_read",
    [("gov_party_type", "=", "company"), ("id", "=", company_id)],
    fields=["name", "kvk_number", "contact_moment_count"],
)
print("company:", companies[0]["name"], companies[0]["kvk_number"])

# Register a contact moment on the company's timeline.
moment_id = call(
    "gov.contact.moment",
    "create",
    {
        "partner_id": company_id,
        "channel": "phone",
        "direction": "inbound",
        "subject": "Question about the terrace permit",
    },
)
count = call("res.partner", "read", [company_id], fields=["contact_moment_count"])
print("contact moments:", count[0]["contact_moment_count"], "latest id", moment_id)
