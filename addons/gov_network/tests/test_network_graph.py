from odoo.tests import tagged
from odoo.tests.common import BaseCase

from .. import network_graph as ng
from ..models import res_partner_graph
from .common import GovNetworkCase


@tagged("post_install", "-at_install")
class TestGraphRules(BaseCase):
    """The plain rules of the picture, without a database."""

    def test_next_ring_respects_budget(self):
        edges = [(1, 10, 11, 5), (2, 12, 10, 5), (3, 11, 10, 6)]
        self.assertEqual(ng.next_ring(edges, {10}, 10), ([11, 12], False))
        self.assertEqual(ng.next_ring(edges, {10}, 1), ([11], True))
        self.assertEqual(ng.next_ring(edges, {10, 11, 12}, 5), ([], False))

    def test_edges_within_and_kind(self):
        edges = [(7, 1, 2, 5), (3, 2, 9, 5), (7, 1, 2, 5), (4, 2, 1, 6)]
        self.assertEqual(ng.edges_within(edges, {1, 2}), [(4, 2, 1, 6), (7, 1, 2, 5)])
        self.assertEqual(ng.node_kind(True, True), "colleague")
        self.assertEqual(ng.node_kind(True, False), "organisation")
        self.assertEqual(ng.node_kind(False, False), "person")
        self.assertEqual([ng.clamp_depth(d) for d in (0, 2, 9, "x")], [1, 2, 3, 2])


@tagged("post_install", "-at_install")
class TestNetworkGraph(GovNetworkCase):
    """res.partner.gov_network_graph over allowed, valid relations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.town = cls.organisation("Gemeente Grafstad")
        cls.anna = cls.person("Anna Graaf")
        cls.bram = cls.person("Bram Graaf")
        cls.me = cls.colleague.partner_id
        cls.anna_works = cls.relate(cls.anna, cls.type_works_at, cls.town)
        cls.bram_advises = cls.relate(cls.bram, cls.type_adviser, cls.anna)
        cls.me_knows = cls.relate(cls.me, cls.type_knows, cls.bram)

    def graph(self, seeds, user=None, **kwargs):
        Partner = self.Partner.with_user(user or self.reader)
        return Partner.gov_network_graph(seeds.ids, **kwargs)

    @staticmethod
    def node_ids(data):
        return {node["id"] for node in data["nodes"]}

    def test_depth_grows_the_picture(self):
        one = self.graph(self.town, depth=1)
        self.assertEqual(self.node_ids(one), {self.town.id, self.anna.id})
        self.assertEqual(
            one["edges"],
            [
                {
                    "id": self.anna_works.id,
                    "source": self.anna.id,
                    "target": self.town.id,
                    "label": "works at",
                    "type_id": self.type_works_at.id,
                }
            ],
        )
        three = self.graph(self.town, depth=3)
        self.assertEqual(
            self.node_ids(three), {self.town.id, self.anna.id, self.bram.id, self.me.id}
        )
        self.assertEqual(len(three["edges"]), 3)
        kinds = {node["id"]: node["kind"] for node in three["nodes"]}
        self.assertEqual(kinds[self.town.id], "organisation")
        self.assertEqual(kinds[self.anna.id], "person")
        self.assertEqual(kinds[self.me.id], "colleague")
        seeds = [node["id"] for node in three["nodes"] if node["seed"]]
        self.assertEqual(seeds, [self.town.id])
        self.assertIn("knows", {rt["name"] for rt in three["relation_types"]})

    def test_relations_among_the_outer_ring_are_drawn(self):
        carla = self.person("Carla Graaf")
        self.relate(carla, self.type_works_at, self.town)
        between = self.relate(self.anna, self.type_knows, carla)
        data = self.graph(self.town, depth=1)
        self.assertEqual(self.node_ids(data), {self.town.id, self.anna.id, carla.id})
        self.assertIn(between.id, [edge["id"] for edge in data["edges"]])
        self.assertEqual(len(data["edges"]), 3)

    def test_type_filter_and_period(self):
        only_works = self.graph(
            self.anna, depth=3, relation_type_ids=[self.type_works_at.id]
        )
        self.assertEqual(self.node_ids(only_works), {self.anna.id, self.town.id})
        self.bram_advises.date_end = self.yesterday
        today = self.graph(self.anna, depth=3)
        self.assertNotIn(self.bram.id, self.node_ids(today))
        yesterday = self.graph(self.anna, depth=3, date=str(self.yesterday))
        self.assertIn(self.bram.id, self.node_ids(yesterday))

    def test_hidden_relation_is_not_drawn(self):
        secret = self.person("Geheime bron")
        self.Relation.with_user(self.colleague).create(
            {
                "left_partner_id": self.anna.id,
                "type_id": self.type_knows.id,
                "right_partner_id": secret.id,
                "confidentiality": "geheim",
            }
        )
        self.assertNotIn(secret.id, self.node_ids(self.graph(self.anna)))
        mine = self.graph(self.anna, user=self.colleague)
        self.assertIn(secret.id, self.node_ids(mine))
        self.assertIn(
            secret.id, self.node_ids(self.graph(self.anna, user=self.manager))
        )

    def test_node_budget(self):
        hub = self.organisation("Knooppunt")
        crowd = self.Partner.create([{"name": f"Lid {n}"} for n in range(12)])
        self.Relation.create(
            [
                {
                    "left_partner_id": member.id,
                    "type_id": self.type_works_at.id,
                    "right_partner_id": hub.id,
                }
                for member in crowd
            ]
        )
        self.patch(res_partner_graph, "MAX_GRAPH_NODES", 5)
        data = self.graph(hub, depth=1)
        self.assertTrue(data["truncated"])
        self.assertEqual(len(data["nodes"]), 5)
        self.assertFalse(self.graph(self.town, depth=1)["truncated"])
