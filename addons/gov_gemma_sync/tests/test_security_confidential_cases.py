from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestConfidentialCasesStayConfidential(TransactionCase):
    """Issue 11.1: the confidential-case rule opens a case to the relationship
    manager of one of its relations; neither half of that key is a field a
    user may set for themselves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.intruder = new_test_user(
            cls.env, "gemma_intruder", groups="gov_addressbook.group_user"
        )
        cls.owner = new_test_user(
            cls.env, "gemma_owner", groups="gov_addressbook.group_user"
        )
        cls.citizen = cls.env["res.partner"].create(
            {"name": "Iris Mulder", "relationship_manager_id": cls.owner.id}
        )
        cls.secret = cls.env["gov.zaak"].create(
            {
                "url": "http://zaken.test/api/v1/zaken/1",
                "identificatie": "ZAAK-GEHEIM",
                "vertrouwelijkheidaanduiding": "geheim",
                "partner_ids": [(4, cls.citizen.id)],
            }
        )

    def _visible(self):
        return self.env["gov.zaak"].with_user(self.intruder).search([])

    def test_becoming_relationship_manager_is_refused(self):
        with self.assertRaises(AccessError):
            self.citizen.with_user(self.intruder).write(
                {"relationship_manager_id": self.intruder.id}
            )
        self.assertNotIn(self.secret, self._visible())

    def test_linking_a_case_to_a_managed_relation_is_refused(self):
        mine = (
            self.env["res.partner"]
            .with_user(self.intruder)
            .create(
                {"name": "Mijn relatie", "relationship_manager_id": self.intruder.id}
            )
        )
        with self.assertRaises(AccessError):
            mine.write({"zaak_ids": [(4, self.secret.id)]})
        self.assertNotIn(self.secret, self._visible())
        self.assertEqual(self.secret.partner_ids, self.citizen)

    def test_relationship_manager_sees_the_case(self):
        Zaak = self.env["gov.zaak"].with_user(self.owner)
        self.assertIn(self.secret, Zaak.search([]))
