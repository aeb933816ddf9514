import { registry } from "@web/core/registry";

// Run in Dutch (nl_NL): the texts checked are the Dutch ones.
registry.category("web_tour.tours").add("gov_loket_call_joins_request", {
    // Starts on the citizen's relation form.
    steps: () => [
        {
            content: "The citizen calls: register the contact",
            trigger: ".o_form_view .o_form_statusbar button:contains('Contact registreren')",
            run: "click",
        },
        {
            content: "The open e-mail request is shown: the call is about it",
            trigger:
                ".modal .o_gov_loket_open_requests .o_radio_item:contains('parkeervergunning') input",
            run: "click",
        },
        {
            content: "By phone",
            trigger: ".modal .o_field_widget[name='channel'] .o_radio_item:contains('Telefoon') input",
            run: "click",
        },
        {
            content: "What it was about",
            trigger: ".modal .o_field_widget[name='subject'] input",
            run: "edit Belt over zijn e-mail van gisteren",
        },
        {
            content: "Register the contact",
            trigger: ".modal button[name='action_register']",
            run: "click",
        },
        {
            content: "The dialog closes",
            trigger: "body:not(:has(.modal)) .o_form_view",
        },
    ],
});

registry.category("web_tour.tours").add("gov_loket_request_both_channels", {
    // Starts on the request's form.
    steps: () => [
        {
            content: "Show the request's contact moments",
            trigger: ".o_notebook .nav-link:contains('Contactmomenten')",
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
            expectUnloadPage: true,
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
