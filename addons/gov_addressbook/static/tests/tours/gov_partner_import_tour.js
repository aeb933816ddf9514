import { registry } from "@web/core/registry";

// An old CRM's export as a Dutch spreadsheet saves it: BOM, ";" and CRLF; row 4
// has a postcode that is not Dutch.
const EXPORT = [
    "\ufeffRelatienummer;Soort;Naam;Organisatie;Voornaam;Achternaam;Postcode;KvK-nummer",
    "1;Bedrijf;Tourbedrijf Één BV;;;;3511ab;12345670",
    "2;Contactpersoon;;Tourbedrijf Één BV;Zoë;de Vries;;",
    "3;Bedrijf;Foutje BV;;;;123;",
].join("\r\n");

registry.category("web_tour.tours").add("gov_partner_import", {
    url: "/odoo",
    steps: () => [
        {
            trigger: ".o_main_navbar .o_menu_brand:contains('Relaties')",
        },
        {
            content: "Open the address book menu",
            trigger: ".o_main_navbar .o_menu_sections button:contains('Adresboek')",
            run: "click",
        },
        {
            content: "Relaties importeren",
            trigger: ".o-dropdown--menu .dropdown-item:contains('Relaties importeren')",
            run: "click",
        },
        {
            content: "Choose the exported file",
            trigger: ".modal .o_field_widget[name=file] .o_select_file_button",
            run() {
                // The file input itself is hidden; a browser's file dialog
                // cannot be driven, so the file is handed to the input.
                const input = document.querySelector(
                    ".modal .o_field_widget[name=file] input[type=file]"
                );
                const transfer = new DataTransfer();
                transfer.items.add(
                    new File([EXPORT], "relaties.csv", { type: "text/csv" })
                );
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The file is read",
            trigger: ".modal .o_field_widget[name=file] .o_clear_file_button",
        },
        {
            content: "Test checks the whole file and saves nothing",
            trigger: ".modal button[name=action_test]:contains('Testen')",
            run: "click",
        },
        {
            content: "Every problem with the file's own row number, in Dutch",
            trigger:
                ".modal .o_field_widget[name=problems]:contains('Rij 4: postcode “123” in kolom Postcode is geen geldige Nederlandse postcode')",
        },
        {
            content: "Import saves every valid row",
            trigger: ".modal button[name=action_import]:contains('Importeren')",
            run: "click",
        },
        {
            content: "The report says what was saved",
            trigger:
                ".modal .o_field_widget[name=report]:contains('Opgeslagen: 2 nieuwe relaties')",
        },
        {
            content: "The row to fix comes back as a file",
            trigger: ".modal .o_field_widget[name=error_file]",
        },
        {
            trigger: ".modal button[name=action_show_review]",
        },
    ],
});
