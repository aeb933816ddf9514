{
    "name": "Gov Relations: Network",
    "summary": "Who knows whom, in which context and since when; "
    "who-knows search, the shortest introduction path and the network picture",
    "version": "19.0.1.2.0",
    "category": "Services",
    "author": "Gov Relations for Odoo",
    "license": "AGPL-3",
    "depends": ["gov_addressbook", "partner_multi_relation"],
    "data": [
        "security/ir.model.access.csv",
        "security/gov_network_rules.xml",
        "data/res_partner_relation_type_data.xml",
        "data/ir_cron.xml",
        "views/res_config_settings_views.xml",
        "views/res_partner_relation_type_views.xml",
        "views/res_partner_relation_views.xml",
        "views/res_partner_who_knows_views.xml",
        "views/res_partner_introduction_views.xml",
        "views/res_partner_views.xml",
        "views/gov_network_views.xml",
        "views/gov_network_menus.xml",
    ],
    "demo": ["demo/gov_network_demo.xml"],
    "assets": {
        "web.assets_backend": [
            "gov_network/static/lib/cytoscape/cytoscape.min.js",
            "gov_network/static/src/network_graph/*",
        ],
        "web.assets_tests": ["gov_network/static/tests/tours/*.js"],
    },
    "installable": True,
}
