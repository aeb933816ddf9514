from odoo.tests import tagged
from odoo.tests.common import BaseCase

from ..network_rules import relation_level, strength_for_count
from ..pathfinding import shortest_paths


@tagged("post_install", "-at_install")
class TestPlainPathfinding(BaseCase):
    """The plain-Python reference search and rules, without a database."""

    def test_all_equally_short_paths(self):
        edges = [(1, 2), (2, 4), (1, 3), (3, 4), (4, 5), (1, 6), (6, 7), (7, 8), (8, 5)]
        self.assertEqual(shortest_paths(edges, 1, 5), [[1, 2, 4, 5], [1, 3, 4, 5]])
        self.assertEqual(shortest_paths(edges, 1, 5, limit=1), [[1, 2, 4, 5]])

    def test_direction_is_ignored(self):
        self.assertEqual(shortest_paths([(2, 1), (3, 2)], 1, 3), [[1, 2, 3]])

    def test_unreachable_and_too_deep(self):
        chain = [(n, n + 1) for n in range(1, 7)]
        self.assertEqual(shortest_paths(chain, 1, 99), [])
        self.assertEqual(shortest_paths(chain, 1, 7, max_depth=5), [])
        self.assertEqual(shortest_paths(chain, 1, 7, max_depth=6), [list(range(1, 8))])

    def test_self_is_a_path_of_one(self):
        self.assertEqual(shortest_paths([], 4, 4), [[4]])

    def test_strength_steps(self):
        expected = {0: None, 1: 1, 2: 1, 3: 2, 9: 2, 10: 3, 250: 3}
        for count, strength in expected.items():
            self.assertEqual(strength_for_count(count), strength, count)

    def test_relation_level_never_below_internal(self):
        self.assertEqual(relation_level({"openbaar"}), "intern")
        self.assertEqual(relation_level({"geheim", "intern"}), "intern")
        self.assertEqual(relation_level({"geheim", "vertrouwelijk"}), "vertrouwelijk")
        self.assertEqual(relation_level(set()), "intern")
