import { registry } from "@web/core/registry";

// Run in Dutch (nl_NL): the texts checked are the Dutch ones.
registry.category("web_tour.tours").add("gov_loket_one_request", {
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
        {
            content: "Type the caller",
            trigger: ".modal .o_field_widget[name='partner_id'] input",
            run: "edit Tour Burger",
        },
        {
            content: "Choose the caller",
            trigger: ".o-autocomplete--dropdown-item .dropdown-item:contains('Tour Burger')",
            run: "click",
        },
        {
            content: "The open e-mail request is shown: attach the call to it",
            trigger:
                ".modal .o_gov_loket_open_requests .o_radio_item:contains('parkeervergunning') input",
            run: "click",
        },
        {
            content: "Register the call",
            trigger: ".modal button[name='action_register']",
            run: "click",
        },
        {
            content: "The request opens: show its contact moments",
            trigger: "body:not(:has(.modal)) .o_notebook .nav-link:contains('Contactmomenten')",
            run: "click",
        },
        {
            content: "The call is on the request",
            trigger: ".o_field_widget[name='contact_moment_ids'] .o_data_row:contains('Telefoon')",
        },
        {
            content: "Next to the e-mail it is about",
            trigger: ".o_field_widget[name='contact_moment_ids'] .o_data_row:contains('E-mail')",
        },
    ],
});

registry.category("web_tour.tours").add("gov_loket_low_score", {
    steps: () => [
        {
            content: "The requester gives a score of 1",
            trigger: "form.o_gov_loket_satisfaction input#score_1",
            run: "click",
        },
        {
            content: "Send the score",
            trigger: "form.o_gov_loket_satisfaction button[type='submit']",
            run: "click",
        },
        {
            content: "The score is received",
            trigger: "body:not(:has(form.o_gov_loket_satisfaction)) h1",
        },
    ],
});

registry.category("web_tour.tours").add("gov_loket_score_follow_up", {
    steps: () => [
        {
            content: "The team lead follows the score up",
            trigger: ".o_form_view button[name='action_gov_register_score_follow_up']:contains('Score opvolgen')",
            run: "click",
        },
        {
            content: "Note what was said",
            trigger: ".modal .o_field_widget[name='summary'] textarea",
            run: "edit Excuses aangeboden en de vergunning uitgelegd",
        },
        {
            content: "Register the call",
            trigger: ".modal button[name='action_register']",
            run: "click",
        },
        {
            content: "The follow-up is done",
            trigger:
                "body:not(:has(.modal)) .o_form_view:not(:has(button[name='action_gov_register_score_follow_up']))",
        },
    ],
});
