from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import BSN, KVK, ROLE_BSN, ROLE_KVK, GemmaSyncCase


@tagged("post_install", "-at_install")
class TestZaakRules(GemmaSyncCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rel_manager = new_test_user(
            cls.env, "gemma_zaak_rm", groups="gov_addressbook.group_reader"
        )
        cls.book_manager = new_test_user(
            cls.env, "gemma_book_manager", groups="gov_addressbook.group_manager"
        )
        cls.citizen.relationship_manager_id = cls.rel_manager

    def setUp(self):
        super().setUp()
        self.add_zaak("ZAAK-OPEN", {ROLE_BSN: [BSN]})
        self.add_zaak(
            "ZAAK-INT",
            {ROLE_BSN: [BSN]},
            vertrouwelijkheidaanduiding="zaakvertrouwelijk",
        )
        self.add_zaak(
            "ZAAK-GEHEIM", {ROLE_BSN: [BSN]}, vertrouwelijkheidaanduiding="geheim"
        )
        self.add_zaak(
            "ZAAK-KVK", {ROLE_KVK: [KVK]}, vertrouwelijkheidaanduiding="vertrouwelijk"
        )
        (self.citizen | self.company).action_sync_zaken()
        self.secret = self.env["gov.zaak"].search(
            [("identificatie", "=", "ZAAK-GEHEIM")]
        )

    def visible(self, user):
        Zaak = self.env["gov.zaak"].with_user(user)
        return sorted(Zaak.search([]).mapped("identificatie"))

    def test_confidential_cases_only_for_managers(self):
        self.assertEqual(self.visible(self.reader), ["ZAAK-INT", "ZAAK-OPEN"])
        self.assertEqual(self.visible(self.employee), ["ZAAK-INT", "ZAAK-OPEN"])
        self.assertEqual(
            self.visible(self.rel_manager), ["ZAAK-GEHEIM", "ZAAK-INT", "ZAAK-OPEN"]
        )
        self.assertEqual(
            self.visible(self.book_manager),
            ["ZAAK-GEHEIM", "ZAAK-INT", "ZAAK-KVK", "ZAAK-OPEN"],
        )
        with self.assertRaises(AccessError):
            self.secret.with_user(self.employee).read(["omschrijving"])
        self.assertEqual(
            self.secret.with_user(self.rel_manager).omschrijving, "Case ZAAK-GEHEIM"
        )
        # A case without a confidentiality level is not hidden.
        self.secret.vertrouwelijkheidaanduiding = False
        self.assertIn("ZAAK-GEHEIM", self.visible(self.employee))

    def test_employee_refresh_keeps_hidden_cases_without_duplicates(self):
        self.citizen.with_user(self.employee).action_sync_zaken()
        Zaak = self.env["gov.zaak"]
        self.assertEqual(Zaak.search_count([("identificatie", "=", "ZAAK-GEHEIM")]), 1)
        self.assertIn(self.secret, self.citizen.zaak_ids)
        self.assertEqual(self.server.errors, [])
