from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestIndexes(TransactionCase):
    def test_duplicate_id_is_indexed(self):
        self.env.cr.execute(
            """
            SELECT indexdef FROM pg_indexes
             WHERE tablename = 'helpdesk_ticket' AND indexdef LIKE %s
            """,
            ["%(duplicate_id)%"],
        )
        definitions = [row[0] for row in self.env.cr.fetchall()]
        self.assertEqual(len(definitions), 1, definitions)
        self.assertIn("duplicate_id IS NOT NULL", definitions[0])
