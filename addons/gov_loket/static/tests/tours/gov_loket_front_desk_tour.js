import { registry } from "@web/core/registry";

// Run in Dutch (nl_NL) at 1440 px: the texts checked are the Dutch ones.

function pick(field, text) {
    // Type in a many2one of the dialog and choose the matching suggestion.
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

function assertFits(selector, what) {
    // The text of the element is not cut off ("O…").
    const elements = [...document.querySelectorAll(selector)];
    if (!elements.length) {
        throw new Error(`Nothing found for ${selector}`);
    }
    for (const el of elements) {
        if (el.scrollWidth > el.clientWidth + 1) {
            throw new Error(`${what} is cut off: "${el.textContent.trim()}"`);
        }
    }
}

function row(title) {
    return `.o_list_view .o_data_row:has(td[name='name']:contains('${title}'))`;
}

registry.category("web_tour.tours").add("gov_loket_request_lists", {
    steps: () => [
        {
            content: "The requester column is there",
            trigger: ".o_list_view th[data-name='gov_relation_label']:contains('Aanvrager')",
        },
        {
            content: "A phone request shows its relation",
            trigger: `${row("Tour telefoonvraag")} td[name='gov_relation_label']:contains('Tour Burger Jansen')`,
        },
        {
            content: "A counter request shows its relation",
            trigger: `${row("Tour baliebezoek")} td[name='gov_relation_label']:contains('Tour Burger Jansen')`,
        },
        {
            content: "A web form request not linked yet shows the name given",
            trigger: `${row("Tour webvraag")} td[name='gov_relation_label']:contains('Piet Webvrager')`,
        },
        {
            content: "Subject, channel, answer date and status have their own column",
            trigger: `${row("Tour telefoonvraag")} td[name='category_id']:contains('Tour parkeren')`,
            run() {
                for (const [name, label] of [
                    ["category_id", "Onderwerp"],
                    ["channel_id", "Kanaal"],
                    ["deadline_date", "Uiterste antwoorddatum"],
                    ["stage_id", "Status"],
                ]) {
                    const th = document.querySelector(
                        `.o_list_view th[data-name='${name}']`
                    );
                    if (!th || !th.textContent.includes(label)) {
                        throw new Error(`Column ${name} is not labelled ${label}`);
                    }
                }
            },
        },
        {
            content: "At 1440 px no header and no title is cut off",
            trigger: `${row("Tour baliebezoek")} td[name='channel_id']:contains('Balie')`,
            run() {
                assertFits(".o_list_view thead th[data-name] span.text-truncate", "A header");
                assertFits(".o_list_view td[name='name']", "A title");
                assertFits(".o_list_view td[name='gov_relation_label']", "A requester");
            },
        },
    ],
});

registry.category("web_tour.tours").add("gov_loket_register_call_hand_over", {
    // Starts in the Relaties app. Counts: see the test.
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
        ...pick("partner_id", "Tour Burger Jansen"),
        {
            content: "Add the first question",
            trigger: ".modal .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Type the first question",
            trigger: ".modal .o_data_row .o_field_widget[name='question'] textarea",
            run: "edit Wanneer gaat mijn vergunning in?",
        },
        {
            content: "Answered directly: type the answer",
            trigger: ".modal .o_data_row .o_field_widget[name='answer'] textarea",
            run: "edit Op de eerste van de volgende maand.",
        },
        {
            content: "Add the second question",
            trigger: ".modal .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Type the second question",
            trigger: ".modal .o_data_row.o_selected_row .o_field_widget[name='question'] textarea",
            run: "edit Lantaarnpaal in de Kerkstraat is kapot",
        },
        {
            content: "Open the outcomes",
            trigger:
                ".modal .o_data_row.o_selected_row .o_field_widget[name='outcome'] :is(.o_select_menu input, .o_select_menu_toggler)",
            run: "click",
        },
        {
            content: "It is handed over",
            trigger: ".o-dropdown--menu .o_select_menu_item:contains('Overgedragen')",
            run: "click",
        },
        {
            content: "Hand it over to a colleague outside the Loket",
            trigger: ".modal .o_data_row.o_selected_row .o_field_widget[name='user_id'] input",
            run: "edit Tour Collega",
        },
        {
            content: "The colleague is offered",
            trigger: ".o-autocomplete--dropdown-item .dropdown-item:contains('Tour Collega')",
            run: "click",
        },
        {
            content: "The Instruction column is there without the column toggle",
            trigger: ".modal .o_data_row.o_selected_row .o_field_widget[name='note'] textarea",
            run: "edit Graag vandaag nog bekijken",
        },
        {
            content: "Register the call",
            trigger: ".modal button[name='action_register']",
            run: "click",
        },
        {
            content: "The two requests of the call are listed",
            trigger: `body:not(:has(.modal)) ${row("Lantaarnpaal")}`,
        },
        {
            content: "The address names the call's requests",
            trigger: `${row("vergunning")}`,
            run() {
                if (!/^\/odoo\/\d+\/loket-call-requests$/.test(window.location.pathname)) {
                    throw new Error(`Unexpected address ${window.location.pathname}`);
                }
            },
        },
        {
            content: "Reload the page",
            trigger: `${row("Lantaarnpaal")}`,
            run() {
                window.location.reload();
            },
            expectUnloadPage: true,
        },
        {
            content: "After the reload the same two requests are listed, no relation opens",
            trigger: `body:not(:has(.o_form_view)) ${row("Lantaarnpaal")}`,
            run() {
                const rows = document.querySelectorAll(".o_list_view .o_data_row");
                if (rows.length !== 2) {
                    throw new Error(`${rows.length} rows after the reload`);
                }
            },
        },
        {
            content: "Both are there",
            trigger: `${row("vergunning")}`,
        },
    ],
});

registry.category("web_tour.tours").add("gov_loket_colleague_answers", {
    // Starts on the request, as the link in the hand-over notification.
    steps: () => [
        {
            content: "The colleague outside the Loket sees the request",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
        },
        {
            content: "Nothing to hand over for them, but they can accept",
            trigger:
                ".o_form_view:not(:has(button[name='action_open_hand_over_wizard'])) button[name='action_accept_hand_over']",
            run: "click",
        },
        {
            content: "Accepted: only sending back is left",
            trigger:
                ".o_form_view:not(:has(button[name='action_accept_hand_over'])) button[name='action_open_return_wizard']",
        },
        {
            content: "Open the answer tab",
            trigger: ".o_notebook .nav-link:contains('Antwoord')",
            run: "click",
        },
        {
            content: "Write the answer",
            trigger: ".o_field_widget[name='answer'] textarea",
            run: "edit De lantaarnpaal wordt deze week gerepareerd.",
        },
        {
            content: "Save the answer",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Answer and close",
            trigger: "button[name='action_answer_and_close']:contains('Beantwoorden en afsluiten')",
            run: "click",
        },
        {
            content: "The request is closed",
            trigger:
                ".o_form_view:not(:has(button[name='action_answer_and_close'])) .o_statusbar_status",
        },
    ],
});
