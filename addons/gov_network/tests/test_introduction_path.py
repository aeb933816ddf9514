import random

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..pathfinding import shortest_paths
from .common import GovNetworkCase


@tagged("post_install", "-at_install")
class TestIntroductionPath(GovNetworkCase):
    """Paths from the employee's own partner over valid, visible relations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.me = cls.employee.partner_id
        cls.anna = cls.person("Anna")
        cls.bram = cls.person("Bram")
        cls.town = cls.organisation("Gemeente Padstad")
        cls.relate(cls.me, cls.type_knows, cls.anna)
        cls.relate(cls.bram, cls.type_knows, cls.me)
        cls.relate(cls.anna, cls.type_works_at, cls.town)
        cls.relate(cls.bram, cls.type_works_at, cls.town)

    def paths(self, target, user=None, **kwargs):
        Partner = self.Partner.with_user(user or self.employee)
        return Partner.find_introduction_path(target.id, **kwargs)

    def test_equally_short_paths_are_all_returned(self):
        expected = sorted(
            [
                [self.me.id, self.anna.id, self.town.id],
                [self.me.id, self.bram.id, self.town.id],
            ]
        )
        self.assertEqual(self.paths(self.town), expected)
        self.assertEqual(self.paths(self.anna), [[self.me.id, self.anna.id]])
        self.assertEqual(self.paths(self.me), [[self.me.id]])

    def test_unreachable_target(self):
        self.assertEqual(self.paths(self.person("Hermit")), [])

    def test_ended_and_future_relations_are_no_path(self):
        ended = self.person("Former contact")
        later = self.person("Future contact")
        self.relate(self.me, self.type_knows, ended, date_end=self.yesterday)
        self.relate(self.me, self.type_knows, later, date_start=self.tomorrow)
        self.assertEqual(self.paths(ended), [])
        self.assertEqual(self.paths(later), [])
        current = self.person("Contact until today")
        self.relate(self.me, self.type_knows, current, date_end=self.today)
        self.assertEqual(self.paths(current), [[self.me.id, current.id]])

    def test_depth_limit(self):
        chain = [self.town] + [self.person(f"Link {n}") for n in range(3)]
        for left, right in zip(chain[1:], chain[:-1], strict=True):
            self.relate(left, self.env.ref("gov_network.relation_type_adviser"), right)
        # me -> anna -> town -> link0 -> link1 -> link2: five relations
        self.assertEqual(self.paths(chain[-1]), [])
        self.assertEqual(len(self.paths(chain[-1], max_depth=5)[0]), 6)
        with self.assertRaises(UserError):
            self.paths(self.town, max_depth=0)

    def test_record_rule_hides_a_secret_path(self):
        insider = self.person("Insider")
        self.Relation.with_user(self.colleague).create(
            {
                "left_partner_id": self.anna.id,
                "type_id": self.type_knows.id,
                "right_partner_id": insider.id,
                "confidentiality": "geheim",
            }
        )
        self.assertEqual(self.paths(insider), [])
        manager_paths = self.paths(insider, user=self.manager)
        self.assertEqual(manager_paths, [])  # the manager's partner is not connected
        self.relate(self.manager.partner_id, self.type_knows, self.anna)
        self.assertEqual(
            self.paths(insider, user=self.manager),
            [[self.manager.partner_id.id, self.anna.id, insider.id]],
        )

    def test_portal_user_has_no_access(self):
        portal = new_test_user(self.env, "net_portal", groups="base.group_portal")
        with self.assertRaises(AccessError):
            self.paths(self.town, user=portal)

    def test_sql_matches_python_bfs_on_a_random_network(self):
        rng = random.Random(6)
        people = [self.me] + [self.person(f"Node {n}") for n in range(30)]
        pairs = set()
        while len(pairs) < 45:
            left, right = rng.sample(range(len(people)), 2)
            pairs.add((min(left, right), max(left, right)))
        valid_edges = []
        for index, (left, right) in enumerate(sorted(pairs)):
            ended = index % 7 == 0
            secret = index % 11 == 0
            self.Relation.with_user(self.colleague if secret else self.manager).create(
                {
                    "left_partner_id": people[left].id,
                    "type_id": self.type_knows.id,
                    "right_partner_id": people[right].id,
                    "date_end": self.yesterday if ended else False,
                    "confidentiality": "geheim" if secret else "intern",
                }
            )
            if not (ended or secret):
                valid_edges.append((people[left].id, people[right].id))
        for target in people[1:]:
            for depth in (2, 3, 4):
                expected = shortest_paths(valid_edges, self.me.id, target.id, depth)
                self.assertEqual(
                    self.paths(target, max_depth=depth), expected, (target.name, depth)
                )
