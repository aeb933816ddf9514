{
    "name": "Gov Relations: GEMMA case sync (ZGW)",
    "summary": "Cases from ZGW case systems (Zaken, Catalogi) in the integral view "
    "of a relation",
    "version": "19.0.1.2.0",
    "category": "Services",
    "author": "Gov Relations for Odoo",
    "license": "AGPL-3",
    "depends": ["gov_addressbook", "gov_loket", "queue_job"],
    "external_dependencies": {"python": ["PyJWT", "requests"]},
    "data": [
        "security/ir.model.access.csv",
        "security/gov_gemma_sync_rules.xml",
        "data/ir_cron.xml",
        "data/gov_retention_data.xml",
        "data/gov_zgw_publish_option_data.xml",
        "views/gov_zgw_service_views.xml",
        "views/gov_zaak_views.xml",
        "views/res_partner_views.xml",
        "views/gov_contact_moment_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/gov_gemma_sync_menus.xml",
    ],
    "demo": ["demo/gov_gemma_sync_demo.xml"],
    "assets": {
        "web.assets_tests": ["gov_gemma_sync/static/tests/tours/*.js"],
    },
    "installable": True,
}
