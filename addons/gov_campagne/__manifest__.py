{
    "name": "Gov Relations: Campagne",
    "summary": "Campaigns that group mailings, press releases under embargo and "
    "events for an audience from the address book",
    "version": "19.0.1.0.0",
    "category": "Services",
    "author": "Gov Relations for Odoo",
    "license": "AGPL-3",
    "depends": ["gov_addressbook", "mass_mailing", "event"],
    "data": [
        "security/gov_campagne_groups.xml",
        "security/ir.model.access.csv",
        "security/gov_campagne_rules.xml",
        "data/ir_cron_data.xml",
        "views/gov_campaign_views.xml",
        "views/gov_press_release_views.xml",
        "views/mailing_mailing_views.xml",
        "views/event_event_views.xml",
        "views/gov_campagne_menus.xml",
    ],
    "demo": ["demo/gov_campagne_demo.xml"],
    "assets": {
        "web.assets_tests": ["gov_campagne/static/tests/tours/*.js"],
    },
    "installable": True,
}
