import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("gov_loket_relation_picker", {
    steps: () => [
        {
            content: "Type a first name in the relation picker of Register call",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Fatima Tourhouda",
        },
        {
            content: "The namesake with an address shows street, postcode and city",
            trigger:
                ".o-autocomplete--dropdown-item:contains('Tourstraat 12, 2312 AB Leiden'):contains('Burger'):contains('mogelijk dubbel')",
        },
        {
            content: "The other one shows its e-mail address",
            trigger:
                ".o-autocomplete--dropdown-item:contains('fatima@tour.example'):contains('mogelijk dubbel')",
        },
        {
            content: "Type a postcode and house number instead",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 8011ab 12",
        },
        {
            content: "Creating opens a small form",
            trigger: ".o_m2o_dropdown_option_create_edit",
            run: "click",
        },
        {
            content: "The postcode went into the postcode, not into the name",
            trigger: ".modal .o_field_widget[name=zip] input:value('8011 AB')",
        },
        {
            trigger: ".modal .o_field_widget[name=lastname] input",
            run: "edit Tourman",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The new relation is the caller",
            trigger:
                ".o_field_widget[name=partner_id] input:value('Tourman')",
        },
        {
            trigger: ".modal-footer button[special=cancel]",
            run: "click",
        },
        {
            trigger: "body:not(:has(.modal))",
        },
    ],
});

registry.category("web_tour.tours").add("gov_loket_relation_timeline", {
    steps: () => [
        {
            content: "The relation opens on its Timeline, not on its child addresses",
            trigger: ".o_notebook .nav-link.active:contains('Tijdlijn')",
        },
        {
            content: "The timeline shows the contact, as history: no delete, no new line",
            trigger:
                ".o_field_one2many[name=contact_moment_ids]:not(:has(.o_list_record_remove)):not(:has(.o_field_x2many_list_row_add)) .o_data_cell:contains('Vraag over de toeslag')",
        },
        {
            content: "A citizen has no Tax ID, job position or website",
            trigger:
                ".o_form_view:not(:has(.o_field_widget[name=vat])):not(:has(.o_field_widget[name=function])):not(:has(.o_field_widget[name=website]))",
        },
        {
            content: "A contact moment is corrected in its own form",
            trigger: ".o_field_one2many[name=contact_moment_ids] button[name=action_gov_open]",
            run: "click",
        },
        {
            trigger: ".o_breadcrumb:contains('Vraag over de toeslag')",
        },
        {
            content: "Back to the address book",
            trigger: ".o_breadcrumb .breadcrumb-item:first-child a",
            run: "click",
        },
        {
            content: "The one search box says what it finds",
            trigger:
                ".o_searchview_input[placeholder='Naam, postcode + huisnummer, telefoon, e-mail, KvK']",
        },
        {
            content: "The list shows street, postcode and city",
            trigger:
                ".o_list_view th[data-name=zip] + th[data-name=city], .o_list_view th[data-name=street] ~ th[data-name=zip]",
        },
        {
            content: "A postcode hit can be checked in the list",
            trigger: ".o_searchview_input",
            run: "edit 2312 AB 12",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            trigger:
                ".o_list_view .o_data_row:has(td[name=street]:contains('Tourstraat 12')) td[name=zip]:contains('2312 AB')",
        },
    ],
});
