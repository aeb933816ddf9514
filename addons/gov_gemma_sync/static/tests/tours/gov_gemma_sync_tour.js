import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("gov_gemma_sync_refresh_cases", {
    steps: () => [
        {
            content: "Open the Cases tab of the relation",
            trigger: ".o_form_view .o_notebook a:contains('Cases')",
            run: "click",
        },
        {
            content: "Fetch the cases from the case system",
            trigger: ".o_form_view button[name=action_sync_zaken]",
            run: "click",
        },
        {
            content: "The smart button counts both cases",
            trigger: "button[name=action_view_zaken] .o_stat_value:contains('2')",
            run: "click",
        },
        {
            content: "The overdue case is listed with its status text",
            trigger: ".o_list_view .o_data_row.text-danger .o_data_cell:contains('ZAAK-TOUR-1')",
        },
        {
            trigger: ".o_list_view .o_data_cell:contains('Uw aanvraag is ontvangen.')",
        },
    ],
});
