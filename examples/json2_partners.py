"""Integrator example: the address book over Odoo 19's JSON-2 API.

Usage: ODOO_URL=http://127.0.0.1:8069 ODOO_DB=gov ODOO_API_KEY=... \
       python examples/json2_partners.py
Create the API key in Odoo: avatar menu > Preferences > Account Security > New API Key.
"""

import os

import requests

url = os.environ.get("ODOO_URL", "http://127.0.0.1:8069")
headers = {
    "Authorization": f"Bearer {os.environ['ODOO_API_KEY']}",
    "X-Odoo-Database": os.environ.get("ODOO_DB", "gov"),
}


def call(model, method, **params):
    response = requests.post(
        f"{url}/json/2/{model}/{method}", json=params, headers=headers, timeout=30
    )
    if response.status_code != 200:
        raise SystemExit(f"{model}.{method}: {response.json()['message']}")
    return response.json()


# Create a government relation with its CBS code, then find it by party type.
[partner_id] = call(
    "res.partner",
    "create",
    vals_list=[
        {
            "name": "Gemeente Voorbeeld",
            "is_company": True,
            "gov_party_type": "government",
            "cbs_code": "gm0999",
        }
    ],
)
governments = call(
    "res.partner",
    "search_read",
    domain=[("gov_party_type", "=", "government"), ("id", "=", partner_id)],
    fields=["name", "cbs_code"],
)
print("government:", governments[0]["name"], governments[0]["cbs_code"])
