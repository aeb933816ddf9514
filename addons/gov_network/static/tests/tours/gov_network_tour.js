import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("gov_network_open_relation", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Relaties app",
            trigger: '.o_app[data-menu-xmlid="gov_addressbook.gov_addressbook_menu_root"]',
            run: "click",
        },
        {
            content: "Open the Network menu",
            trigger: 'button[data-menu-xmlid="gov_network.gov_network_menu_network"]',
            run: "click",
        },
        {
            content: "Open the network relations",
            trigger: 'a[data-menu-xmlid="gov_network.gov_network_menu_relations"]',
            run: "click",
        },
        {
            content: "Open the alderman's relation",
            trigger: ".o_list_view .o_data_cell:contains('Tourwethouder Smit')",
            run: "click",
        },
        {
            content: "The relation shows its context",
            trigger: ".o_form_view div[name='context'] textarea:value('Met at the regional mobility table')",
        },
    ],
});
