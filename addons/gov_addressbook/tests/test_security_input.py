from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import GovAddressbookCase


@tagged("post_install", "-at_install")
class TestClearRefusals(GovAddressbookCase):
    """Issue 11.6 and 11.8: wrong input over RPC gets a sentence that names the
    field and what it takes, never a raw ValueError or a database error, and
    nothing is written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Employee = cls.Partner.with_user(cls.employee)
        cls.citizen = cls.Partner.create({"name": "Mila Jansen"})

    def assertRefused(self, pattern, vals, model=None):
        model = model or self.Employee
        count = model.sudo().search_count([])
        with self.assertRaisesRegex(ValidationError, pattern):
            model.create(vals)
        self.assertEqual(model.sudo().search_count([]), count)

    def test_all_zero_identifiers_are_refused(self):
        for field, value in [
            ("kvk_number", "00000000"),
            ("establishment_number", "000000000000"),
            ("oin", "0" * 20),
        ]:
            self.assertRefused("only zeros", {"name": "Nul B.V.", field: value})
        for field in ("rsin", "bsn"):
            self.assertRefused(
                "not valid", {"name": "Nul", field: "000000000"}, self.Partner
            )

    def test_wrong_selection_names_field_and_values(self):
        self.assertRefused(
            r"“alien” is not a valid value for Party type\. Allowed values: citizen,",
            {"name": "X", "gov_party_type": "alien"},
        )
        with self.assertRaisesRegex(ValidationError, "Channel"):
            self.Moment.with_user(self.employee).create(
                {"partner_id": self.citizen.id, "subject": "S", "channel": "pigeon"}
            )

    def test_unparsable_date_names_the_field_and_the_form(self):
        for value in ("31-12-2026 %", "yesterday", "2026-13-45"):
            with self.assertRaisesRegex(ValidationError, "not a valid date and time"):
                self.Moment.with_user(self.employee).create(
                    {
                        "partner_id": self.citizen.id,
                        "subject": "S",
                        "occurred_at": value,
                    }
                )

    def test_nul_byte_is_refused_clearly(self):
        self.assertRefused("NUL character", {"name": "Jan\x00Jansen"})
        with self.assertRaisesRegex(ValidationError, "NUL character"):
            self.citizen.with_user(self.employee).write({"city": "Ut\x00recht"})

    def test_text_limits_on_relations_and_moments(self):
        self.assertRefused("too long: at most", {"name": "A" * 100_000})
        self.assertRefused(
            "too long: at most 254",
            {"name": "Lang", "email": "a" * 100_000 + "@example.nl"},
        )
        with self.assertRaisesRegex(ValidationError, "Subject is too long"):
            self.Moment.with_user(self.employee).create(
                {"partner_id": self.citizen.id, "subject": "S" * 300}
            )
        # Real values pass.
        self.Employee.create(
            {"name": "Maria van den Heuvel-de Groot", "email": "maria@example.nl"}
        )

    def test_empty_values_are_empty_not_refused(self):
        moment = self.Moment.with_user(self.employee).create(
            {"partner_id": self.citizen.id, "subject": "S", "channel": "phone"}
        )
        moment.write({"summary": "", "res_model": ""})
        self.citizen.with_user(self.employee).write(
            {"gov_party_type": "", "preferred_channel": False, "city": ""}
        )
        self.assertFalse(self.citizen.gov_party_type)
