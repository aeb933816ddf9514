{
    "name": "Gov Relations: Address book access by certification",
    "summary": "Grant address-book reader access to employees who passed a "
    "certification survey on handling relation data",
    "version": "19.0.1.0.0",
    "category": "Services",
    "author": "Gov Relations for Odoo",
    "license": "AGPL-3",
    "depends": ["gov_addressbook", "survey"],
    "data": ["views/res_config_settings_views.xml"],
    "demo": ["demo/gov_certification_survey_demo.xml"],
    "installable": True,
}
