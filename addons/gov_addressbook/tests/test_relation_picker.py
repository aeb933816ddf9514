from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRelationPicker(TransactionCase):
    """Issue 16 item 2: a relation picker tells namesakes apart, and creating
    from one puts what was typed into the right field."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.employee = new_test_user(
            cls.env, "picker_employee", groups="gov_addressbook.group_user"
        )
        cls.Partner = cls.env["res.partner"].with_user(cls.employee)
        cls.at_home = cls.Partner.create(
            {
                "name": "Fatima Pickerhouda",
                "gov_party_type": "citizen",
                "street": "Pickerstraat 3",
                "zip": "2312 AB",
                "city": "Leiden",
            }
        )
        cls.by_mail = cls.Partner.create(
            {
                "name": "Fatima Pickerhouda",
                "gov_party_type": "citizen",
                "email": "fatima@picker.example",
            }
        )
        cls.firm = cls.Partner.create(
            {"name": "Pickerbouw BV", "is_company": True, "gov_party_type": "company"}
        )

    def dropdown(self, text):
        found = self.Partner.web_name_search(text, {"display_name": {}}, limit=8)
        return {row["id"]: row["__formatted_display_name"] for row in found}

    def test_dropdown_tells_namesakes_apart(self):
        rows = self.dropdown("Fatima Pickerhouda")
        self.assertIn("Pickerstraat 3, 2312 AB Leiden", rows[self.at_home.id])
        self.assertIn("fatima@picker.example", rows[self.by_mail.id])
        for partner in self.at_home | self.by_mail:
            self.assertIn("Citizen", rows[partner.id])
            self.assertIn("possible duplicate", rows[partner.id])

    def test_unique_name_has_no_duplicate_mark(self):
        rows = self.dropdown("Pickerbouw")
        self.assertIn("Company", rows[self.firm.id])
        self.assertNotIn("possible duplicate", rows[self.firm.id])

    def test_plain_name_is_unchanged_outside_pickers(self):
        self.assertEqual(self.at_home.display_name, "Fatima Pickerhouda")

    def test_postcode_or_phone_is_not_created_as_a_name(self):
        for typed in ("8011ab 12", "06-12345678"):
            with self.assertRaises(ValidationError):
                self.Partner.name_create(typed)
        self.assertFalse(self.Partner.search([("name", "in", ["8011ab 12"])]))
        partner_id, _name = self.Partner.name_create("Piet Pickerman")
        self.assertEqual(self.Partner.browse(partner_id).lastname, "Pickerman")

    def test_create_form_is_filled_from_what_was_typed(self):
        fields = ["name", "firstname", "lastname", "zip", "phone", "email"]

        def defaults(typed):
            return self.Partner.with_context(default_name=typed).default_get(fields)

        postcode = defaults("8011ab 12")
        self.assertEqual(postcode["zip"], "8011 AB")
        self.assertFalse(postcode["name"] or postcode["lastname"])
        self.assertEqual(defaults("+31 6 1234 5678")["phone"], "+31 6 1234 5678")
        self.assertEqual(defaults("a@b.example")["email"], "a@b.example")
        name = defaults("Jan van der Berg")
        self.assertEqual((name["firstname"], name["lastname"]), ("Jan", "Berg"))
