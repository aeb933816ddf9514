{
    "name": "Gov Relations: Klantinteracties API",
    "summary": "Odoo serves the Klantinteracties API 0.9.0 as Open Klant 2.18.0 "
    "does, over the address book, the timeline and Loket hand-overs",
    "version": "19.0.1.0.0",
    "category": "Services",
    "author": "Gov Relations for Odoo",
    "license": "AGPL-3",
    "depends": ["gov_addressbook", "gov_loket"],
    "external_dependencies": {
        "python": ["PyYAML", "openapi-schema-validator", "python-stdnum"]
    },
    "data": [
        "security/ir.model.access.csv",
        "security/gov_klantinteracties_rules.xml",
        "data/res_partner_data.xml",
        "views/gov_contact_moment_views.xml",
        "views/gov_ki_application_views.xml",
        "views/gov_processing_log_views.xml",
        "wizards/gov_ki_application_token_views.xml",
    ],
    "demo": ["demo/gov_ki_application_demo.xml"],
    "installable": True,
}
