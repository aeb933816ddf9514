import { registry } from "@web/core/registry";

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
