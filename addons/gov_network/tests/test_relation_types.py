from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import GovNetworkCase

SHIPPED_TYPES = {
    "works_at": ("works at", "employs", "p", "c"),
    "board_member": ("board member of", "has board member", "p", "c"),
    "alderman": ("alderman (wethouder) of", "has alderman (wethouder)", "p", "c"),
    "deputy": ("deputy (gedeputeerde) of", "has deputy (gedeputeerde)", "p", "c"),
    "council_member": (
        "member of council or States of",
        "has council or States member",
        "p",
        "c",
    ),
    "mayor": ("mayor of", "has mayor", "p", "c"),
    "contact_person": ("contact person for", "has contact person", "p", "c"),
    "adviser": ("adviser of", "is advised by", False, False),
    "project_partner": (
        "partner in project with",
        "partner in project with",
        False,
        False,
    ),
    "network_member": ("member of network/platform", "has network member", False, "c"),
    "knows": ("knows", "knows", False, False),
}


@tagged("post_install", "-at_install")
class TestRelationTypes(GovNetworkCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.town = cls.organisation("Gemeente Testdorp")
        cls.anna = cls.person("Anna Alderman")

    def test_shipped_types_and_inverses(self):
        for code, (name, inverse, left, right) in SHIPPED_TYPES.items():
            rel_type = self.env.ref(f"gov_network.relation_type_{code}")
            self.assertEqual(
                (rel_type.name, rel_type.name_inverse), (name, inverse), code
            )
            self.assertEqual(
                (rel_type.left_partner_type, rel_type.right_partner_type),
                (left, right),
                code,
            )
        self.assertTrue(self.type_knows.is_symmetric)
        self.assertTrue(self.type_works_at.gov_is_affiliation)
        self.assertFalse(self.type_knows.gov_is_affiliation)

    def test_inverse_name_seen_from_the_right(self):
        relation = self.relate(self.anna, self.type_works_at, self.town)
        from_town = relation.with_context(current_partner_id=self.town.id)
        self.assertEqual(from_town.type_id_display, "employs")
        self.assertEqual(relation._gov_hop_label(self.town.id), "employs")
        self.assertEqual(relation._gov_hop_label(self.anna.id), "works at")

    def test_contact_types_are_enforced(self):
        other_town = self.organisation("Gemeente Elders")
        with self.assertRaises(ValidationError):
            self.relate(other_town, self.type_works_at, self.town)
        with self.assertRaises(ValidationError):
            self.relate(
                self.anna,
                self.env.ref("gov_network.relation_type_mayor"),
                self.person("Bob"),
            )

    def test_employee_registers_relation_with_context(self):
        relation = self.Relation.with_user(self.employee).create(
            {
                "left_partner_id": self.anna.id,
                "type_id": self.env.ref("gov_network.relation_type_alderman").id,
                "right_partner_id": self.town.id,
                "context": "Portfolio holder for the ring road project.",
                "source": "Council minutes",
            }
        )
        self.assertEqual(relation.confidentiality, "intern")
        self.assertEqual(relation.with_user(self.reader).context, relation.context)

    def test_reader_may_not_write_relations_or_types(self):
        relation = self.relate(self.anna, self.type_works_at, self.town)
        with self.assertRaises(AccessError):
            relation.with_user(self.reader).write({"context": "changed"})
        with self.assertRaises(AccessError):
            self.Relation.with_user(self.reader).create(
                {
                    "left_partner_id": self.anna.id,
                    "type_id": self.type_adviser.id,
                    "right_partner_id": self.town.id,
                }
            )
        with self.assertRaises(AccessError):
            self.type_knows.with_user(self.employee).write({"name": "met"})
        self.type_knows.with_user(self.manager).write({"name_inverse": "knows"})

    def test_confidential_relation_hidden_from_other_employees(self):
        relation = self.Relation.with_user(self.colleague).create(
            {
                "left_partner_id": self.anna.id,
                "type_id": self.type_adviser.id,
                "right_partner_id": self.town.id,
                "confidentiality": "geheim",
            }
        )
        Relation = self.Relation.with_user(self.employee)
        self.assertFalse(Relation.search([("id", "=", relation.id)]))
        self.assertTrue(
            self.Relation.with_user(self.colleague).search([("id", "=", relation.id)])
        )
        self.assertTrue(
            self.Relation.with_user(self.manager).search([("id", "=", relation.id)])
        )
        with self.assertRaises(AccessError):
            relation.with_user(self.employee).read(["context"])

    def test_dutch_translation_of_types(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(["gov_network"], ["nl_NL"])
        dutch = self.type_works_at.with_context(lang="nl_NL")
        self.assertEqual(
            (dutch.name, dutch.name_inverse), ("werkt bij", "heeft als medewerker")
        )
        self.assertEqual(self.type_knows.with_context(lang="nl_NL").name, "kent")
