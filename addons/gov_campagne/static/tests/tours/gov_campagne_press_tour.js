import { registry } from "@web/core/registry";

// The communication user prepares a press release under embargo: a campaign
// for the press, a release for it with an embargo moment, then Schedule.
// Debug mode shows the code editor of the audience filter.
registry.category("web_tour.tours").add("gov_campagne_press_embargo", {
    url: "/odoo/action-gov_campagne.gov_campaign_action?debug=1",
    steps: () => [
        {
            content: "Create a campaign",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Tour persbericht campagne",
        },
        {
            content: "Its audience: the press",
            trigger: ".o_field_widget[name='audience_domain'] .o_domain_selector_debug_container textarea",
            run: `edit [("gov_party_type", "=", "press")]`,
        },
        {
            content: "Save the campaign",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The campaign is saved",
            trigger: ".o_breadcrumb .active:contains('Tour persbericht campagne')",
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
            content: "Write a new press release",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Give it a title",
            trigger: ".o_form_view .o_field_widget[name='title'] input",
            run: "edit Tour embargo bericht",
        },
        {
            content: "Choose the campaign",
            trigger: ".o_field_widget[name='campaign_id'] input",
            run: "edit Tour persbericht",
        },
        {
            content: "Pick it from the list",
            trigger: ".o-autocomplete--dropdown-item:contains('Tour persbericht campagne')",
            run: "click",
        },
        {
            content: "Set the embargo moment",
            trigger: ".o_field_widget[name='embargo_at'] input",
            run: "edit 03/02/2030 10:00:00 && click .o_form_view .o_field_widget[name='title'] input",
        },
        {
            content: "Save the release",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Schedule it",
            trigger: ".o_form_view button[name='action_schedule']",
            run: "click",
        },
        {
            content: "It waits for its embargo moment",
            trigger: ".o_form_view button[name='action_reset_draft']",
        },
    ],
});
