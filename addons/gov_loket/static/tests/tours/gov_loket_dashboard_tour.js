import { registry } from "@web/core/registry";

function setDate(selector, value) {
    const input = document.querySelector(selector);
    input.value = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

registry.category("web_tour.tours").add("gov_loket_dashboard", {
    steps: () => [
        {
            content: "The headline figures count the team's open request",
            trigger: ".o_gov_loket_dashboard .o_gov_loket_open .fs-2:contains('1')",
        },
        {
            content: "The top subjects list the team's subject",
            trigger:
                ".o_gov_loket_top_subjects:not(:has(td:contains('Hidden subject'))) td:contains('Tour dashboard subject')",
        },
        {
            content: "Pick the other team",
            trigger: ".o_gov_loket_filters select.o_gov_loket_team",
            run: "selectByLabel Other tour team",
        },
        {
            content: "None of the other team's requests is readable",
            trigger: ".o_gov_loket_dashboard .o_gov_loket_open .fs-2:contains('0')",
        },
        {
            content: "Back to all teams",
            trigger: ".o_gov_loket_filters select.o_gov_loket_team",
            run: "selectByLabel All teams",
        },
        {
            content: "The open request counts again",
            trigger: ".o_gov_loket_dashboard .o_gov_loket_open .fs-2:contains('1')",
        },
        {
            content: "A period in the future holds no requests",
            trigger: ".o_gov_loket_filters .o_gov_loket_date_from",
            run: () => setDate(".o_gov_loket_date_from", "2999-01-01"),
        },
        {
            content: "The figures follow the period",
            trigger:
                ".o_gov_loket_dashboard .o_gov_loket_open .fs-2:contains('0')",
        },
        {
            content: "Open the pivot analysis",
            trigger: ".o_gov_loket_dashboard button.btn-primary",
            run: "click",
        },
        {
            content: "The pivot shows the within-norm measure",
            trigger: ".o_pivot",
        },
    ],
});
