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
        "security/ir.model.access.csv",
        "security/gov_loket_rules.xml",
        "data/helpdesk_ticket_channel_data.xml",
        "data/ir_cron_data.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_category_views.xml",
        "views/helpdesk_ticket_channel_views.xml",
        "wizards/helpdesk_ticket_hand_over_views.xml",
        "wizards/helpdesk_ticket_return_views.xml",
        "views/gov_loket_menus.xml",
    ],
    "demo": ["demo/gov_loket_demo.xml"],
    "assets": {
        "web.assets_tests": ["gov_loket/static/tests/tours/*.js"],
    },
    "installable": True,
}
