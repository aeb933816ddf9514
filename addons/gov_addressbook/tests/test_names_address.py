from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import GovAddressbookCase


@tagged("post_install", "-at_install")
class TestDutchNamesAndAddresses(GovAddressbookCase):
    def test_typed_name_is_split_with_infix_and_formal_name(self):
        partner = self.Partner.create({"name": "Jan Peter van der Berg"})
        self.assertEqual(
            (partner.firstname, partner.name_infix, partner.lastname),
            ("Jan Peter", "van der", "Berg"),
        )
        self.assertEqual(partner.name_initials, "J.P.")
        self.assertEqual(partner.gov_formal_name, "J.P. van der Berg")
        self.assertEqual(partner.name, "Jan Peter van der Berg")

    def test_name_parts_compose_the_name(self):
        partner = self.Partner.create(
            {"firstname": "Els", "name_infix": "de", "lastname": "Vries"}
        )
        self.assertEqual(partner.name, "Els de Vries")
        partner.name_infix = "van"
        self.assertEqual(partner.name, "Els van Vries")

    def test_sorted_on_last_name_without_infix(self):
        names = ["Jan van der Berg", "Anna Aalbers", "Piet de Bruin", "Kees Zwart"]
        partners = self.Partner.create([{"name": name} for name in names])
        ordered = self.Partner.search(
            [("id", "in", partners.ids)], order="gov_sort_name"
        ).mapped("name")
        self.assertEqual(
            ordered, ["Anna Aalbers", "Jan van der Berg", "Piet de Bruin", "Kees Zwart"]
        )

    def test_dutch_postcode_normalised_and_checked(self):
        nl = self.env.ref("base.nl")
        partner = self.Partner.create(
            {"name": "P", "zip": "2351ab", "country_id": nl.id}
        )
        self.assertEqual(partner.zip, "2351 AB")
        with self.assertRaisesRegex(ValidationError, "not a valid Dutch postcode"):
            partner.write({"zip": "0123 AB"})
        self.assertEqual(partner.zip, "2351 AB")
        belgian = self.Partner.create(
            {"name": "B", "zip": "1000", "country_id": self.env.ref("base.be").id}
        )
        self.assertEqual(belgian.zip, "1000")

    def test_reference_governments_loaded(self):
        leiden = self.Partner.search([("cbs_code", "=", "GM0546")])
        self.assertEqual(leiden.name, "Gemeente Leiden")
        self.assertEqual(leiden.gov_party_type, "government")
        self.assertEqual(leiden.gov_province_id.cbs_code, "PV28")
        self.assertEqual(self.Partner.search_count([("cbs_code", "=like", "PV%")]), 12)
        self.assertEqual(self.Partner.search_count([("cbs_code", "=like", "GM%")]), 342)
        self.assertEqual(self.Partner.search_count([("cbs_code", "=like", "WS%")]), 21)
        # Loading again (module update) creates no duplicates.
        self.Partner._gov_load_reference_data()
        self.assertEqual(self.Partner.search_count([("cbs_code", "=like", "GM%")]), 342)

    def test_company_names_are_not_split(self):
        company = self.Partner.create(
            {"name": "Bakkerij De Korenbloem", "is_company": True}
        )
        self.assertEqual(company.name, "Bakkerij De Korenbloem")
        self.assertFalse(company.name_infix)
        self.assertEqual(company.gov_formal_name, "Bakkerij De Korenbloem")
