import random

from odoo.tests import tagged

from ..pathfinding import shortest_paths
from .common import GovNetworkCase


@tagged("post_install", "-at_install")
class TestContactHierarchy(GovNetworkCase):
    """Odoo's contact hierarchy (``parent_id``) is "works at" in the network."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.me = cls.employee.partner_id
        cls.town = cls.organisation("Gemeente Ydam")
        cls.alderman = cls.Partner.create(
            {"name": "Wethouder Xander", "parent_id": cls.town.id}
        )
        cls.clerk = cls.Partner.create(
            {"name": "Griffier Zora", "parent_id": cls.town.id}
        )
        # the colleague knows the alderman; nobody registered "works at"
        cls.knows_alderman = cls.relate(
            cls.colleague.partner_id,
            cls.type_knows,
            cls.alderman,
            strength=2,
            last_contact_date=cls.day(2026, 5, 4),
        )

    def paths(self, target, user=None, **kwargs):
        Partner = self.Partner.with_user(user or self.colleague)
        return Partner.find_introduction_path(target.id, **kwargs)

    def who_knows(self, partner, lang=None):
        Partner = self.Partner.with_user(self.reader).with_context(lang=lang)
        return {a["user_id"]: a for a in Partner.who_knows(partner.id)}

    def test_knowing_a_contact_reaches_the_organisation(self):
        mine = self.colleague.partner_id.id
        self.assertEqual(
            self.paths(self.town), [[mine, self.alderman.id, self.town.id]]
        )
        # and, through the organisation, its other people
        self.assertEqual(
            self.paths(self.clerk),
            [[mine, self.alderman.id, self.town.id, self.clerk.id]],
        )

    def test_knowing_the_organisation_reaches_its_people(self):
        self.relate(self.me, self.type_adviser, self.town)
        self.assertEqual(
            self.paths(self.alderman, user=self.employee),
            [[self.me.id, self.town.id, self.alderman.id]],
        )

    def test_commercial_entity_is_the_organisation_too(self):
        department = self.Partner.create(
            {"name": "Afdeling Wonen", "parent_id": self.town.id}
        )
        officer = self.Partner.create(
            {"name": "Beleidsmedewerker Wim", "parent_id": department.id}
        )
        self.assertEqual(officer.commercial_partner_id, self.town)
        self.relate(self.me, self.type_knows, officer)
        self.assertEqual(
            self.paths(self.town, user=self.employee),
            [[self.me.id, officer.id, self.town.id]],
        )
        self.assertIn(self.employee.id, self.who_knows(self.town))

    def test_addresses_are_not_people(self):
        invoice = self.Partner.create(
            {"name": "Facturen", "parent_id": self.town.id, "type": "invoice"}
        )
        self.relate(self.me, self.type_knows, invoice)
        self.assertEqual(self.paths(self.town, user=self.employee), [])
        invoice.type = "contact"
        self.assertEqual(
            self.paths(self.town, user=self.employee),
            [[self.me.id, invoice.id, self.town.id]],
        )

    def test_who_knows_the_organisation_through_its_contact(self):
        answers = self.who_knows(self.town)
        answer = answers[self.colleague.id]
        self.assertEqual(
            answer["chain"],
            [self.colleague.partner_id.id, self.alderman.id, self.town.id],
        )
        self.assertEqual(answer["strength"], 2)
        self.assertEqual(answer["last_contact_date"], self.day(2026, 5, 4))
        self.assertEqual(answer["relation_ids"], [self.knows_alderman.id])
        self.assertEqual(
            answer["hops"],
            [
                {"relation_id": self.knows_alderman.id, "label": "knows"},
                {"relation_id": False, "label": "works at"},
            ],
        )

    def test_who_knows_in_dutch(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["gov_network"], ["nl_NL"], overwrite=True
        )
        answer = self.who_knows(self.town, lang="nl_NL")[self.colleague.id]
        self.assertEqual(answer["hops"][1]["label"], "werkt bij")
        wizard = (
            self.env["res.partner.who.knows"]
            .with_user(self.reader)
            .with_context(lang="nl_NL")
            .create({"partner_id": self.town.id})
        )
        line = wizard.line_ids.filtered(lambda ln: ln.user_id == self.colleague)
        self.assertEqual(line.via_partner_id, self.alderman)
        self.assertIn(
            f"{self.alderman.display_name} → werkt bij → {self.town.display_name}",
            line.chain,
        )
        self.relate(self.me, self.type_knows, self.town, strength=1)
        answer = self.who_knows(self.clerk, lang="nl_NL")[self.employee.id]
        self.assertEqual(answer["chain"], [self.me.id, self.town.id, self.clerk.id])
        self.assertEqual(answer["hops"][1]["label"], "heeft als medewerker")

    def test_archived_contact_is_no_step(self):
        self.assertIn(self.colleague.id, self.who_knows(self.town))
        self.alderman.action_archive()
        self.assertEqual(self.paths(self.town), [])
        self.assertNotIn(self.colleague.id, self.who_knows(self.town))

    def test_archived_organisation_is_no_step(self):
        self.relate(self.me, self.type_knows, self.town)
        mine = self.colleague.partner_id.id
        self.assertEqual(
            self.paths(self.clerk),
            [[mine, self.alderman.id, self.town.id, self.clerk.id]],
        )
        self.town.action_archive()
        self.assertEqual(self.paths(self.clerk), [])
        self.assertNotIn(self.employee.id, self.who_knows(self.clerk))

    def test_unreadable_organisation_is_no_step(self):
        other_company = self.env["res.company"].create({"name": "Andere gemeente"})
        hidden = self.organisation("Gemeente Elders")
        hidden.company_id = other_company
        insider = self.Partner.create(
            {"name": "Wethouder Elders", "parent_id": hidden.id, "company_id": False}
        )
        self.relate(self.me, self.type_knows, insider)
        self.assertFalse(
            self.Partner.with_user(self.employee).search([("id", "=", hidden.id)])
        )
        self.assertEqual(self.paths(hidden, user=self.employee), [])
        # knowing the hidden organisation's contact reveals no colleague of it
        colleague_there = self.Partner.create(
            {"name": "Griffier Elders", "parent_id": hidden.id, "company_id": False}
        )
        self.assertEqual(self.paths(colleague_there, user=self.employee), [])
        self.assertNotIn(self.employee.id, self.who_knows(hidden))
        # once readable, the same hierarchy is a path
        hidden.company_id = False
        self.assertEqual(
            self.paths(hidden, user=self.employee),
            [[self.me.id, insider.id, hidden.id]],
        )

    def test_sql_matches_python_bfs_with_hierarchy(self):
        rng = random.Random(13)
        me = self.me
        organisations = [self.organisation(f"Org {n}") for n in range(5)]
        people = [self.person(f"Mens {n}") for n in range(20)]
        for index, person in enumerate(people):
            roll = rng.random()
            if roll < 0.4:
                person.parent_id = rng.choice(organisations)
            elif roll < 0.55 and index:
                # a contact of a contact: its commercial entity is further up
                person.parent_id = rng.choice(people[:index])
        nodes = [me, *organisations, *people]
        # the user knows an organisation and a person, so that paths exist
        edges = []
        for known in (organisations[0], rng.choice(people)):
            self.relate(me, self.type_knows, known)
            edges.append((me.id, known.id))
        while len(edges) < 22:
            left, right = rng.sample(nodes, 2)
            if (left.id, right.id) in edges or (right.id, left.id) in edges:
                continue
            self.relate(left, self.type_knows, right)
            edges.append((left.id, right.id))
        for person in people:
            for organisation in person.parent_id | person.commercial_partner_id:
                if organisation != person:
                    edges.append((person.id, organisation.id))
        reached = 0
        for target in nodes[1:]:
            for depth in (2, 4):
                expected = shortest_paths(edges, me.id, target.id, depth)
                reached += bool(expected)
                self.assertEqual(
                    self.paths(target, user=self.employee, max_depth=depth),
                    expected,
                    (target.name, depth),
                )
        self.assertGreater(reached, 10)
