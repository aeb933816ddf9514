from datetime import datetime

from odoo.tests import BaseCase, tagged

from ..embargo import is_released, truncate_to_minute


@tagged("post_install", "-at_install")
class TestEmbargo(BaseCase):
    def test_truncate_drops_seconds(self):
        moment = datetime(2026, 3, 2, 10, 0, 42, 123)
        self.assertEqual(truncate_to_minute(moment), datetime(2026, 3, 2, 10, 0))
        self.assertIsNone(truncate_to_minute(None))
        with self.assertRaises(TypeError):
            truncate_to_minute("2026-03-02 10:00")

    def test_released_to_the_minute(self):
        embargo = datetime(2026, 3, 2, 10, 0)
        self.assertFalse(is_released(embargo, datetime(2026, 3, 2, 9, 59, 59)))
        self.assertTrue(is_released(embargo, datetime(2026, 3, 2, 10, 0)))
        self.assertTrue(is_released(embargo, datetime(2026, 3, 2, 10, 1)))

    def test_no_embargo_never_released(self):
        self.assertFalse(is_released(None, datetime(2030, 1, 1)))
        self.assertFalse(is_released(False, datetime(2030, 1, 1)))
