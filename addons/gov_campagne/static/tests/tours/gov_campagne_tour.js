import { registry } from "@web/core/registry";

// Starts on the campaign action, so the Relaties app's own landing page (which
// other addons may change) does not matter; the steps then use the menus.
registry.category("web_tour.tours").add("gov_campagne_open_campaign", {
    url: "/odoo/action-gov_campagne.gov_campaign_action",
    steps: () => [
        {
            content: "We are in the Relaties app",
            trigger: ".o_main_navbar .o_menu_brand:contains('Relaties')",
        },
        {
            content: "Open the Campagne menu",
            trigger: '.o_main_navbar [data-menu-xmlid="gov_campagne.gov_campagne_menu_campagne"]',
            run: "click",
        },
        {
            content: "Choose Press releases",
            trigger:
                '.dropdown-item[data-menu-xmlid="gov_campagne.gov_campagne_menu_press_releases"]',
            run: "click",
        },
        {
            content: "The press releases are listed",
            trigger: ".o_list_view .o_data_cell[name='title']:contains('Tour release')",
        },
        {
            content: "Open the Campagne menu again",
            trigger: '.o_main_navbar [data-menu-xmlid="gov_campagne.gov_campagne_menu_campagne"]',
            run: "click",
        },
        {
            content: "Choose Campaigns",
            trigger: '.dropdown-item[data-menu-xmlid="gov_campagne.gov_campagne_menu_campaigns"]',
            run: "click",
        },
        {
            content: "The campaigns are listed",
            trigger: ".o_breadcrumb .active:contains('Campaigns')",
        },
        {
            content: "Open the campaign",
            trigger: ".o_list_view .o_data_cell[name='name']:contains('Tour campaign press')",
            run: "click",
        },
        {
            content: "The campaign opens with its live audience count",
            trigger: ".o_form_view .o_field_widget[name='audience_count']:contains('1')",
        },
        {
            content: "Its press release is on the form",
            trigger: ".o_form_view .o_notebook .o_data_cell:contains('Tour release')",
        },
    ],
});
