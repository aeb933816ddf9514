from unittest.mock import patch

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..models.res_partner_create import ResPartner as CreateExtension
from .common import GovAddressbookCase

COMPARED_FIELDS = (
    "name",
    "firstname",
    "lastname",
    "name_infix",
    "name_initials",
    "is_company",
    "company_type",
    "gov_formal_name",
    "gov_sort_name",
    "display_name",
)


@tagged("post_install", "-at_install")
class TestPartnerCreateBatch(GovAddressbookCase):
    """Relations are created in one batch, with the same names as one by one."""

    def _samples(self, parent):
        return [
            {"name": "Jan van der Berg"},
            {"name": "  Bakkerij   De Korenbloem ", "is_company": True},
            {"name": "Waterschap Aa en Maas", "company_type": "company"},
            {"name": "wordt genegeerd", "firstname": "Piet", "lastname": "Jansen"},
            {"firstname": "Anna Maria", "name_infix": "de", "lastname": "Vries"},
            {"lastname": "Alleen Achternaam"},
            {"name": "Factuuradres", "type": "invoice", "parent_id": parent.id},
            {"name": "Kees", "kvk_number": "3012 3456", "is_company": False},
        ]

    def _create_each(self, parent, per_record):
        samples = self._samples(parent)
        if per_record:
            samples[-1]["kvk_number"] = "30123457"
        with patch.object(
            CreateExtension,
            "_gov_can_split_names_in_batch",
            return_value=not per_record,
        ):
            return self.Partner.create(samples)

    def test_batch_gives_the_same_names_as_partner_firstname(self):
        parent = self.Partner.create({"name": "Gemeente Oss", "is_company": True})
        batch = self._create_each(parent, per_record=False)
        one_by_one = self._create_each(parent, per_record=True)
        for fast, slow in zip(batch, one_by_one, strict=True):
            for field_name in COMPARED_FIELDS:
                self.assertEqual(
                    fast[field_name], slow[field_name], f"{field_name} of {slow.name}"
                )
        self.assertEqual(batch[0].name_infix, "van der")
        self.assertEqual(batch[1].lastname, "Bakkerij De Korenbloem")
        self.assertEqual(batch[1].company_type, "company")
        self.assertEqual(batch[3].name, "Piet Jansen")
        self.assertEqual(batch[7].kvk_number, "30123456")

    def test_batch_is_used_without_other_create_overrides(self):
        self.assertTrue(self.Partner._gov_can_split_names_in_batch())
        named = self.Partner.with_context(default_name="Jan de Boer")
        self.assertFalse(named._gov_can_split_names_in_batch())
        partner = named.create({})
        self.assertEqual(
            (partner.firstname, partner.name_infix, partner.lastname),
            ("Jan", "de", "Boer"),
        )

    def test_a_batch_does_not_cost_queries_per_relation(self):
        def queries_to_create(count, first_kvk):
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            self.Partner.create(
                [
                    {
                        "name": f"Bedrijf {first_kvk + i}",
                        "is_company": True,
                        "kvk_number": str(first_kvk + i),
                    }
                    for i in range(count)
                ]
            )
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        queries_to_create(3, 40000000)  # warm the caches
        small = queries_to_create(5, 40000010)
        large = queries_to_create(100, 40000100)
        self.assertLess(large - small, 10, f"5 relations: {small}, 100: {large}")

    def test_duplicate_identifier_in_one_batch_saves_nothing(self):
        count = self.Partner.search_count([])
        with self.assertRaisesRegex(ValidationError, "more than once"):
            self.Partner.create(
                [
                    {"name": "Eerste", "kvk_number": "50123456"},
                    {"name": "Tweede", "kvk_number": "5012 3456"},
                ]
            )
        self.Partner.create({"name": "Bestaand", "kvk_number": "50123457"})
        with self.assertRaisesRegex(ValidationError, "already registered for Bestaand"):
            self.Partner.create(
                [
                    {"name": "Nieuw", "kvk_number": "50123458"},
                    {"name": "Dubbel", "kvk_number": "50123457"},
                ]
            )
        self.assertEqual(self.Partner.search_count([]), count + 1)
