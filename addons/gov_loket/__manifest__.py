{
    "name": "Gov Relations: Loket",
    "summary": "Every incoming question registered, handed over and answered "
    "within the service norm",
    "version": "19.0.1.0.0",
    "category": "Services",
    "author": "Gov Relations for Odoo",
    "license": "AGPL-3",
    "depends": ["gov_addressbook", "helpdesk_mgmt"],
    "data": [
        "security/gov_loket_groups.xml",
        "views/gov_loket_menus.xml",
    ],
    "installable": True,
}
