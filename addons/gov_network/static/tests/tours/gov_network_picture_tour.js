import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("gov_network_project_picture", {
    url: "/odoo/network-teams",
    steps: () => [
        {
            content: "Open the project network",
            trigger: ".o_list_view .o_data_cell:contains('Tourproject Rijnbrug')",
            run: "click",
        },
        {
            content: "Open its network picture",
            trigger: ".o_form_view button[name='action_open_network_picture']",
            run: "click",
        },
        {
            content: "The key partners and their direct relations are drawn",
            trigger: ".o_gov_network_status:contains('4 nodes, 3 relations')",
        },
        {
            content: "Cytoscape rendered the nodes on its canvas",
            trigger: ".o_gov_network_canvas[data-node-count='4'] canvas",
        },
        {
            content: "Look one relation further",
            trigger: "select.o_gov_network_depth",
            run: "select 2",
        },
        {
            content: "The colleague who knows the project leader appears",
            trigger: ".o_gov_network_status:contains('5 nodes, 4 relations')",
        },
        {
            content: "The colleague is drawn as a colleague",
            trigger: ".o_gov_network_canvas[data-node-count='5'] canvas",
        },
        {
            trigger: "a.o_gov_network_node[data-kind='colleague']",
            content: "Reload the page",
            run: () => window.location.reload(),
            expectUnloadPage: true,
        },
        {
            content: "After a reload the same picture is drawn",
            trigger: ".o_gov_network_canvas[data-node-count='5'] canvas",
        },
        {
            content: "Open the alderman from the list beside the graph",
            trigger: "a.o_gov_network_node:contains('Tourwethouder Rijnbrug')",
            run: "click",
        },
        {
            content: "The partner form of the alderman is open",
            trigger: ".o_form_view .o_breadcrumb:contains('Tourwethouder Rijnbrug')",
        },
    ],
});
