import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("gov_addressbook_register_contact", {
    url: "/odoo",
    steps: () => [
        {
            content: "Staff land in the Relaties app after login, not in Discuss",
            trigger: ".o_main_navbar .o_menu_brand:contains('Relaties')",
        },
        {
            trigger: ".o_list_view .o_data_row",
        },
        {
            content: "Search the citizen by postcode and house number",
            trigger: ".o_searchview_input",
            run: "edit 2351 TT 7",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Only the citizen at that address is listed",
            trigger: ".o_list_view .o_data_cell:contains('Tineke van Tourhuizen')",
            run: "click",
        },
        {
            content: "Register a contact from the relation",
            trigger: ".o_form_view .o_form_statusbar button:contains('Register contact')",
            run: "click",
        },
        {
            content: "Phone is the default channel; type the subject",
            trigger: ".modal .o_field_widget[name=subject] input",
            run: "edit Asks about the bridge closure",
        },
        {
            trigger: ".modal button[name=action_register]",
            run: "click",
        },
        {
            content: "The contact appears in the timeline",
            trigger: "body:not(:has(.modal)) .o_notebook a:contains('Timeline')",
            run: "click",
        },
        {
            trigger: ".o_field_one2many[name=contact_moment_ids] .o_data_cell:contains('Asks about the bridge closure')",
        },
    ],
});
