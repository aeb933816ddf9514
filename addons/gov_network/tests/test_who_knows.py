from odoo.tests import new_test_user, tagged

from .common import GovNetworkCase


@tagged("post_install", "-at_install")
class TestWhoKnows(GovNetworkCase):
    """Colleagues who know an organisation, ranked by strength then recency."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.carla = new_test_user(
            cls.env, "net_carla", groups="gov_addressbook.group_user"
        )
        cls.dirk = new_test_user(
            cls.env, "net_dirk", groups="gov_addressbook.group_user"
        )
        cls.town = cls.organisation("Gemeente Kenstad")
        cls.alderman = cls.person("Wethouder Jansen")
        cls.clerk = cls.person("Griffier De Vries")
        cls.former = cls.person("Oud-medewerker")
        cls.outsider = cls.person("Externe adviseur")
        cls.relate(
            cls.alderman, cls.env.ref("gov_network.relation_type_alderman"), cls.town
        )
        cls.relate(cls.clerk, cls.type_works_at, cls.town)
        cls.relate(cls.former, cls.type_works_at, cls.town, date_end=cls.yesterday)
        # employee: knows the alderman well, last spoke in January
        cls.relate(
            cls.employee.partner_id,
            cls.type_knows,
            cls.alderman,
            strength=3,
            last_contact_date=cls.day(2026, 1, 10),
        )
        # colleague: knows the clerk as well, more recently
        cls.relate(
            cls.clerk,
            cls.type_knows,
            cls.colleague.partner_id,
            strength=3,
            last_contact_date=cls.day(2026, 3, 1),
        )
        # carla advises the town directly, a looser tie
        cls.relate(
            cls.carla.partner_id,
            cls.type_adviser,
            cls.town,
            strength=2,
            last_contact_date=cls.day(2026, 6, 1),
        )
        # dirk only knows someone who no longer works there
        cls.relate(cls.dirk.partner_id, cls.type_knows, cls.former, strength=3)
        # not a colleague: no user behind this partner
        cls.relate(cls.outsider, cls.type_knows, cls.clerk, strength=3)

    def test_ranking_and_chains(self):
        answers = self.Partner.with_user(self.reader).who_knows(self.town.id)
        self.assertEqual(
            [a["user_id"] for a in answers],
            [self.colleague.id, self.employee.id, self.carla.id],
        )
        first = answers[0]
        self.assertEqual(
            first["chain"], [self.colleague.partner_id.id, self.clerk.id, self.town.id]
        )
        self.assertEqual(first["strength"], 3)
        self.assertEqual(first["last_contact_date"], self.day(2026, 3, 1))
        self.assertEqual(len(first["relation_ids"]), 2)
        self.assertEqual(answers[2]["chain"], [self.carla.partner_id.id, self.town.id])

    def test_people_are_known_directly(self):
        answers = self.Partner.with_user(self.reader).who_knows(self.alderman.id)
        self.assertEqual([a["user_id"] for a in answers], [self.employee.id])

    def test_hidden_relation_does_not_count(self):
        self.Relation.with_user(self.dirk).create(
            {
                "left_partner_id": self.dirk.partner_id.id,
                "type_id": self.type_knows.id,
                "right_partner_id": self.alderman.id,
                "strength": 3,
                "last_contact_date": self.day(2026, 9, 1),
                "confidentiality": "geheim",
            }
        )
        seen_by_reader = self.Partner.with_user(self.reader).who_knows(self.town.id)
        self.assertNotIn(self.dirk.id, [a["user_id"] for a in seen_by_reader])
        seen_by_dirk = self.Partner.with_user(self.dirk).who_knows(self.town.id)
        self.assertEqual(seen_by_dirk[0]["user_id"], self.dirk.id)

    def test_who_knows_button(self):
        action = self.town.with_user(self.reader).action_gov_who_knows()
        wizard = (
            self.env["res.partner.who.knows"]
            .with_user(self.reader)
            .browse(action["res_id"])
        )
        self.assertEqual(
            wizard.line_ids.mapped("user_id"),
            self.colleague | self.employee | self.carla,
        )
        first = wizard.line_ids[0]
        self.assertEqual(first.user_id, self.colleague)
        self.assertEqual(first.via_partner_id, self.clerk)
        self.assertIn("works at", first.chain)
        self.assertIn(self.clerk.display_name, first.chain)
