import { registry } from "@web/core/registry";

function pick(field, text) {
    // Type in a many2one and choose the matching suggestion.
    return [
        {
            content: `Type ${text} in ${field}`,
            trigger: `.modal .o_field_widget[name='${field}'] input`,
            run: `edit ${text}`,
        },
        {
            content: `Choose ${text}`,
            trigger: `.o-autocomplete--dropdown-item .dropdown-item:contains('${text}')`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("gov_loket_register_call", {
    url: "/odoo/action-gov_addressbook.res_partner_action",
    steps: () => [
        {
            content: "Open the Loket menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='gov_loket.gov_loket_menu']",
            run: "click",
        },
        {
            content: "Register a call",
            trigger: ".dropdown-item[data-menu-xmlid='gov_loket.gov_loket_menu_register']",
            run: "click",
        },
        ...pick("partner_id", "Tour Caller"),
        {
            content: "Add the question",
            trigger: ".modal .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pick("category_id", "Tour bins"),
        {
            content: "Type the question",
            trigger: ".modal .o_data_row .o_field_widget[name='question'] textarea",
            run: "edit My green bin was not emptied",
        },
        {
            content: "Open the outcomes",
            trigger:
                ".modal .o_data_row .o_field_widget[name='outcome'] :is(.o_select_menu input, .o_select_menu_toggler)",
            run: "click",
        },
        {
            content: "It is handed over",
            trigger: ".o-dropdown--menu .o_select_menu_item:contains('Handed over')",
            run: "click",
        },
        ...pick("user_id", "Tour Employee"),
        {
            content: "Register the call",
            trigger: ".modal button[name='action_register']",
            run: "click",
        },
        {
            content: "The request opens, ready to be followed up",
            trigger:
                "body:not(:has(.modal)) .o_form_view button[name='action_open_hand_over_wizard']",
        },
    ],
});
