from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPartnerImportTour(HttpCase):
    """Relaties importeren in the browser, in Dutch, as an address-book manager."""

    def test_import_a_file_in_dutch(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["gov_addressbook"], ["nl_NL"], overwrite=True
        )
        new_test_user(
            self.env,
            "tour_import_manager",
            groups="gov_addressbook.group_manager",
            lang="nl_NL",
        )
        self.start_tour("/odoo", "gov_partner_import", login="tour_import_manager")
        person = self.env["res.partner"].search([("firstname", "=", "Zoë")])
        self.assertEqual(person.parent_id.name, "Tourbedrijf Één BV")
        self.assertEqual(person.name_infix, "de")
        self.assertEqual(person.parent_id.zip, "3511 AB")
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Foutje BV")]))
