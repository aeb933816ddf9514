import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("gov_network_introduction_nl", {
    steps: () => [
        {
            // With every addon installed the form has more buttons than fit:
            // the rest are under "More".
            content: "Show all the relation's buttons",
            trigger: ".o_form_view .o-form-buttonbox",
            run: () => document.querySelector(".o-form-buttonbox .o_button_more")?.click(),
        },
        {
            content: "Ask through whom the municipality can be reached",
            trigger: "button[name='action_gov_introduction']:contains('Via wie?')",
            run: "click",
        },
        {
            content: "The dialog asks the question in Dutch",
            trigger: ".modal .modal-title:contains('Via wie bereik ik Gemeente Tourroute?')",
        },
        {
            content: "The chain starts with the colleague who can introduce",
            trigger:
                ".modal .o_data_row:has(.o_data_cell:contains('Collega Tourroute'))" +
                " .o_data_cell:contains('Collega Tourroute → kent → Gemeente Tourroute, " +
                "Wethouder Tourroute → werkt bij → Gemeente Tourroute')",
        },
        {
            content: "Close the dialog",
            trigger: ".modal .modal-footer button:contains('Sluiten')",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal)) .o_form_view .o-form-buttonbox",
            run: () => document.querySelector(".o-form-buttonbox .o_button_more")?.click(),
        },
        {
            content: "Open the network picture",
            trigger: "button[name='action_gov_network_picture']",
            run: "click",
        },
        {
            content: "The picture shows the way back to the relation",
            trigger:
                ".o_gov_network_picture .o_breadcrumb li.o_back_button" +
                " a:contains('Gemeente Tourroute')",
            run: "click",
        },
        {
            content: "Back on the relation's form",
            trigger: ".o_form_view .o_breadcrumb:contains('Gemeente Tourroute')",
        },
        {
            content: "The form is the relation itself",
            trigger: ".o_form_view .o-form-buttonbox",
        },
    ],
});
