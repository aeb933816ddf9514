from odoo.tests import tagged

from .common import GovAddressbookCase


@tagged("post_install", "-at_install")
class TestQuickSearch(GovAddressbookCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        nl = cls.env.ref("base.nl")
        cls.jan = cls.Partner.create(
            {
                "name": "Jan van der Berg",
                "email": "jan.berg@example.nl",
                "phone": "+31 6 1234 5678",
                "zip": "2351AB",
                "street": "Dorpsstraat 12a",
                "country_id": nl.id,
                "bsn": "534640977",
            }
        )
        cls.company = cls.Partner.create(
            {
                "name": "Bouwbedrijf Zoekmij",
                "is_company": True,
                "kvk_number": "27123457",
            }
        )

    def _find(self, term, user=None):
        partners = self.Partner.with_user(user or self.employee)
        return [pid for pid, _name in partners.name_search(term, limit=8)]

    def test_name_fragment_with_and_without_infix(self):
        self.assertIn(self.jan.id, self._find("van der Berg"))
        self.assertIn(self.jan.id, self._find("Berg"))

    def test_email_and_phone_in_any_notation(self):
        self.assertIn(self.jan.id, self._find("jan.berg@"))
        for notation in (
            "0612345678",
            "06-12345678",
            "+31612345678",
            "0031 6 1234 5678",
        ):
            with self.subTest(notation=notation):
                self.assertIn(self.jan.id, self._find(notation))

    def test_postcode_and_house_number(self):
        self.assertIn(self.jan.id, self._find("2351 AB 12a"))
        self.assertIn(self.jan.id, self._find("2351ab"))
        self.assertNotIn(self.jan.id, self._find("2351 AB 14"))

    def test_kvk_number(self):
        self.assertEqual(self._find("27123457"), [self.company.id])

    def test_bsn_only_for_bsn_access(self):
        self.assertNotIn(self.jan.id, self._find("534640977"))
        self.assertIn(self.jan.id, self._find("534640977", user=self.bsn_officer))

    def test_search_view_box_uses_quick_search(self):
        found = self.Partner.with_user(self.employee).search(
            [("display_name", "ilike", "0612345678")]
        )
        self.assertEqual(found, self.jan)
