from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import GovAddressbookCase


@tagged("post_install", "-at_install")
class TestDutchTranslation(GovAddressbookCase):
    """The shipped i18n/nl.po loads and reaches labels, selections and messages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.env["ir.module.module"]._load_module_terms(
            ["gov_addressbook"], ["nl_NL"], overwrite=True
        )
        # A plain address-book user working in Dutch, not the superuser.
        cls.partner_nl = (
            cls.env["res.partner"].with_user(cls.employee).with_context(lang="nl_NL")
        )

    def test_field_label_and_selection_are_dutch(self):
        fields = self.partner_nl.fields_get(
            ["gov_party_type", "kvk_number", "gov_do_not_contact"],
            ["string", "selection"],
        )
        self.assertEqual(fields["gov_party_type"]["string"], "Partijtype")
        self.assertEqual(fields["kvk_number"]["string"], "KvK-nummer")
        self.assertEqual(fields["gov_do_not_contact"]["string"], "Niet benaderen")
        selection = dict(fields["gov_party_type"]["selection"])
        self.assertEqual(selection["citizen"], "Burger")
        self.assertEqual(selection["civil_society"], "Maatschappelijke organisatie")
        # English stays English for users without Dutch.
        english = self.env["res.partner"].with_context(lang="en_US")
        self.assertEqual(
            english.fields_get(["gov_party_type"], ["string"])["gov_party_type"][
                "string"
            ],
            "Party type",
        )

    def test_validation_message_is_dutch(self):
        with self.assertRaises(ValidationError) as caught:
            self.partner_nl.create({"name": "Test BV", "kvk_number": "1234567"})
        self.assertEqual(
            str(caught.exception.args[0]),
            "KvK-nummer is niet geldig: dit moet uit precies 8 cijfers bestaan.",
        )

    def test_duplicate_message_keeps_placeholders(self):
        first = self.partner_nl.create(
            {"name": "Bakkerij Jansen", "kvk_number": "11112222"}
        )
        with self.assertRaises(ValidationError) as caught:
            self.partner_nl.create({"name": "Kopie", "kvk_number": "1111 2222"})
        self.assertEqual(
            str(caught.exception.args[0]),
            f"KvK-nummer 11112222 is al geregistreerd bij {first.display_name}.",
        )

    def test_views_and_menus_are_dutch(self):
        view = self.env.ref("gov_addressbook.res_partner_view_form")
        arch = view.with_context(lang="nl_NL").arch_db
        self.assertIn("Tijdlijn", arch)
        self.assertIn("<strong>Mogelijk dubbele relatie.</strong>", arch)
        menu = self.env.ref("gov_addressbook.gov_addressbook_menu_addressbook")
        self.assertEqual(menu.with_context(lang="nl_NL").name, "Adresboek")
