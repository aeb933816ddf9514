import importlib.util
from pathlib import Path

import psycopg2

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import GovNetworkCase

MIGRATION = (
    Path(__file__).resolve().parent.parent
    / "migrations"
    / "19.0.1.1.0"
    / "pre-migrate.py"
)


def load_migration():
    spec = importlib.util.spec_from_file_location("gov_network_knows_merge", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestOneOpenRelationPerPair(GovNetworkCase):
    """Issue 15: a duplicated "knows" relation is impossible in the database,
    and an upgrade merges the duplicates that concurrent saves left behind."""

    INDEX = "res_partner_relation_open_relation_unique"

    def index_exists(self):
        self.env.cr.execute(
            "SELECT 1 FROM pg_indexes WHERE indexname = %s", [self.INDEX]
        )
        return bool(self.env.cr.fetchone())

    def test_the_database_refuses_a_second_open_relation(self):
        self.assertTrue(self.index_exists())
        piet = self.person("Piet Uniek")
        self.relate(self.employee.partner_id, self.type_knows, piet)
        self.env.flush_all()
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.IntegrityError):
            with self.env.cr.savepoint():
                self.env.cr.execute(
                    "INSERT INTO res_partner_relation "
                    "(left_partner_id, right_partner_id, type_id, confidentiality) "
                    "VALUES (%s, %s, %s, 'intern')",
                    [self.employee.partner_id.id, piet.id, self.type_knows.id],
                )

    def test_upgrade_merges_existing_duplicates(self):
        piet = self.person("Piet Dubbel")
        self.env.cr.execute(f'DROP INDEX "{self.INDEX}"')
        rows = [
            (1, "2026-01-05", "2025-06-01"),
            (3, "2026-03-01", "2025-09-01"),
            (2, "2026-02-01", "2024-01-01"),
        ]
        for strength, last, start in rows:
            self.env.cr.execute(
                "INSERT INTO res_partner_relation (left_partner_id, right_partner_id, "
                "type_id, confidentiality, strength, last_contact_date, date_start) "
                "VALUES (%s, %s, %s, 'intern', %s, %s, %s)",
                [
                    self.employee.partner_id.id,
                    piet.id,
                    self.type_knows.id,
                    strength,
                    last,
                    start,
                ],
            )
        merged = load_migration().merge_duplicate_open_relations(self.env.cr)
        self.assertEqual(merged, 2)
        self.env.cr.execute(
            "SELECT strength, last_contact_date::text, date_start::text "
            "FROM res_partner_relation WHERE right_partner_id = %s",
            [piet.id],
        )
        self.assertEqual(self.env.cr.fetchall(), [(3, "2026-03-01", "2024-01-01")])
        # The unique index now builds, as the upgrade does after the merge.
        self.env.cr.execute(
            f'CREATE UNIQUE INDEX "{self.INDEX}" ON res_partner_relation '
            "(left_partner_id, right_partner_id, type_id) WHERE date_end IS NULL"
        )
        self.assertTrue(self.index_exists())
