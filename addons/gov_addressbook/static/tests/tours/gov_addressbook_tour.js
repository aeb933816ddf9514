import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("gov_addressbook_open_relaties", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Relaties app",
            trigger: '.o_app[data-menu-xmlid="gov_addressbook.gov_addressbook_menu_root"]',
            run: "click",
        },
        {
            content: "The address book lists relations",
            trigger: ".o_list_view .o_data_cell:contains('Tourpartner Gemeente')",
            run: "click",
        },
        {
            content: "The relation opens with its public-sector page",
            trigger: ".o_form_view .o_notebook a:contains('Public sector')",
        },
    ],
});
