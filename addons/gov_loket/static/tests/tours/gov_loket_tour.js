import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("gov_loket_open_request", {
    // Start inside the Relaties app on its address book: the app's first menu
    // opens the quick "Register contact" dialog, which is not what we test here.
    url: "/odoo/action-gov_addressbook.res_partner_action",
    steps: () => [
        {
            content: "Open the Loket menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='gov_loket.gov_loket_menu']",
            run: "click",
        },
        {
            content: "Go to the requests",
            trigger: ".dropdown-item[data-menu-xmlid='gov_loket.gov_loket_menu_requests']",
            run: "click",
        },
        {
            content: "The overdue request is flagged in the list",
            trigger: ".o_list_view tr.text-danger .o_data_cell:contains('Tour question about a permit')",
            run: "click",
        },
        {
            content: "The request opens with its deadline",
            trigger: ".o_form_view .o_field_widget[name='deadline_date']",
        },
        {
            content: "The hand-over button is offered",
            trigger: ".o_form_view button[name='action_open_hand_over_wizard']",
        },
    ],
});
