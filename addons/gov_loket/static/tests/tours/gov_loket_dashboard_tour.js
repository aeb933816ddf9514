import { registry } from "@web/core/registry";

// Run in Dutch (nl_NL): the texts checked are the Dutch ones.
registry.category("web_tour.tours").add("gov_loket_dashboard", {
    steps: () => [
        {
            content: "Headline figures have a title in the breadcrumb",
            trigger: ".o_control_panel .o_breadcrumb:contains('Kerncijfers')",
        },
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
            run: "selectByLabel Alle teams",
        },
        {
            content: "The open request counts again",
            trigger: ".o_gov_loket_dashboard .o_gov_loket_open .fs-2:contains('1')",
        },
        {
            content: "Open the overdue requests",
            trigger: ".o_gov_loket_dashboard .o_gov_loket_overdue .fs-2:contains('1')",
            run: "click",
        },
        {
            content: "The overdue request is listed at an address of its own",
            trigger: ".o_list_view .o_data_row td[name='name']:contains('Mine')",
            run() {
                if (!window.location.pathname.endsWith("/loket-overdue")) {
                    throw new Error(`Unexpected address ${window.location.pathname}`);
                }
                window.location.reload();
            },
            expectUnloadPage: true,
        },
        {
            content: "After a reload the same overdue request is listed",
            trigger: ".o_list_view .o_data_row td[name='name']:contains('Mine')",
            run() {
                const rows = document.querySelectorAll(".o_list_view .o_data_row");
                if (rows.length !== 1) {
                    throw new Error(`${rows.length} rows after the reload`);
                }
            },
        },
        {
            content: "Back to the headline figures",
            trigger: ".o_breadcrumb .breadcrumb-item:contains('Kerncijfers') a",
            run: "click",
        },
        {
            content: "A period in the future, typed the Dutch way",
            trigger: ".o_gov_loket_filters input.o_gov_loket_date_from",
            run: "edit 01-01-2999 && press Enter",
        },
        {
            content: "The figures follow the period",
            trigger: ".o_gov_loket_dashboard .o_gov_loket_open .fs-2:contains('0')",
        },
        {
            content: "The date is shown day-month-year",
            trigger: ".o_gov_loket_filters input.o_gov_loket_date_from",
            run() {
                const value = document.querySelector(".o_gov_loket_date_from").value;
                if (value !== "01-01-2999") {
                    throw new Error(`Date shown as ${value}`);
                }
            },
        },
        {
            content: "Open the pivot analysis",
            trigger: ".o_gov_loket_dashboard button.btn-primary",
            run: "click",
        },
        {
            content: "The pivot has no empty (Geen) column",
            trigger: ".o_pivot",
            run() {
                const headers = [...document.querySelectorAll(".o_pivot thead th")];
                if (headers.some((th) => th.textContent.trim() === "Geen")) {
                    throw new Error("The pivot has a 'Geen' column");
                }
            },
        },
    ],
});
