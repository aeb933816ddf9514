from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ..identifiers import InvalidIdentifier, normalise
from .common import GovAddressbookCase


@tagged("post_install", "-at_install")
class TestIdentifiers(GovAddressbookCase):
    def test_plain_normalisation(self):
        self.assertEqual(normalise("kvk_number", "2712 3456"), "27123456")
        self.assertEqual(normalise("cbs_code", "gm0363"), "GM0363")
        with self.assertRaises(InvalidIdentifier) as caught:
            normalise("bsn", "123456789")
        self.assertEqual(caught.exception.reason, "eleven_test")

    def test_wrong_identifiers_are_refused_and_nothing_saved(self):
        cases = {
            "bsn": "123456789",  # fails the eleven test
            "rsin": "111111111",
            "kvk_number": "1234567",
            "establishment_number": "12345678901",
            "oin": "1234",
            "cbs_code": "XX0001",
        }
        partner = self.Partner.create({"name": "Test BV"})
        for field_name, value in cases.items():
            with self.subTest(field=field_name), self.assertRaises(ValidationError):
                partner.write({field_name: value})
            self.assertFalse(partner[field_name])
        count = self.Partner.search_count([])
        with self.assertRaises(ValidationError):
            self.Partner.create({"name": "Wrong", "kvk_number": "abc"})
        self.assertEqual(self.Partner.search_count([]), count)

    def test_valid_identifiers_are_stored_compact(self):
        partner = self.Partner.create(
            {
                "name": "Gemeente Test",
                "gov_party_type": "government",
                "kvk_number": "2712 3456",
                "oin": "00000001002220647000",
                "cbs_code": "gm0363",
            }
        )
        self.assertEqual(partner.kvk_number, "27123456")
        self.assertEqual(partner.cbs_code, "GM0363")

    def test_bsn_and_kvk_are_unique(self):
        self.Partner.create({"name": "A", "bsn": "164808942", "kvk_number": "11112222"})
        with self.assertRaisesRegex(ValidationError, "already registered"):
            self.Partner.create({"name": "B", "bsn": "164808942"})
        with self.assertRaisesRegex(ValidationError, "already registered"):
            self.Partner.create({"name": "C", "kvk_number": "1111 2222"})

    def test_bsn_only_for_bsn_access(self):
        partner = self.Partner.create({"name": "Citizen", "bsn": "819248654"})
        with self.assertRaises(AccessError):
            partner.with_user(self.employee).read(["bsn"])
        self.assertEqual(
            partner.with_user(self.bsn_officer).read(["bsn"])[0]["bsn"], "819248654"
        )
