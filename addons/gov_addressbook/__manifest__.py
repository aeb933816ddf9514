{
    "name": "Gov Relations: Address book",
    "summary": "Central public-sector address book with identifiers, privacy "
    "and one contact timeline per relation",
    "version": "19.0.1.0.0",
    "category": "Services",
    "author": "Gov Relations for Odoo",
    "license": "AGPL-3",
    "depends": ["base_import", "contacts", "mail", "partner_firstname"],
    "external_dependencies": {"python": ["stdnum"]},
    "data": [
        "security/gov_addressbook_groups.xml",
        "security/ir.model.access.csv",
        "security/gov_addressbook_rules.xml",
        "data/gov_reference_data.xml",
        "views/gov_contact_moment_views.xml",
        "wizards/gov_contact_register_views.xml",
        "views/res_partner_views.xml",
        "views/gov_addressbook_menus.xml",
        "views/gov_processing_log_views.xml",
        "wizards/gov_partner_privacy_views.xml",
    ],
    "demo": ["demo/gov_addressbook_demo.xml"],
    "assets": {
        "web.assets_tests": ["gov_addressbook/static/tests/tours/*.js"],
    },
    "application": True,
    "installable": True,
}
