{
    "name": "Gov Relations: Import relations in the background",
    "summary": "Large address-book imports as a background job, with a progress "
    "bar and a result report",
    "version": "19.0.1.0.0",
    "category": "Services",
    "author": "Gov Relations for Odoo",
    "license": "AGPL-3",
    "depends": ["gov_addressbook", "queue_job"],
    "data": [
        "security/ir.model.access.csv",
        "security/gov_partner_import_run_rules.xml",
        "views/gov_partner_import_run_views.xml",
        "wizards/gov_partner_import_views.xml",
    ],
    "installable": True,
}
