"""Issue 12, point 3: which connection is used is explicit and visible."""

import importlib.util
from pathlib import Path

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import BSN, ROLE_BSN, GemmaSyncCase, free_port


@tagged("post_install", "-at_install")
class TestZgwConnections(GemmaSyncCase):
    def new_zaken(self, name, base_url, **values):
        return (
            self.env["gov.zgw.service"]
            .with_user(self.admin)
            .create(
                {
                    "name": name,
                    "api_type": "zaken",
                    "base_url": base_url,
                    "client_id": self.server.client_id,
                    "secret": self.server.secret,
                    **values,
                }
            )
        )

    def test_one_default_per_api_is_enforced_and_switchable(self):
        Service = self.env["gov.zgw.service"]
        self.assertTrue(self.zaken_service.is_default)
        self.assertTrue(self.catalogi_service.is_default)
        dead = f"http://127.0.0.1:{free_port()}/zaken/api/v1"
        other = self.new_zaken("Other Zaken", dead)
        # A second connection does not silently take over...
        self.assertFalse(other.is_default)
        self.assertEqual(Service._get_service("zaken"), self.zaken_service)
        # ... and there is never a second default.
        with self.assertRaises(ValidationError):
            other.with_user(self.admin).write({"is_default": True})
        # Switching is explicit, and moves the flag.
        self.assertIs(other.with_user(self.admin).action_set_default(), True)
        self.assertTrue(other.is_default)
        self.assertFalse(self.zaken_service.is_default)
        self.assertEqual(Service._get_service("zaken"), other)
        self.assertIs(
            self.zaken_service.with_user(self.admin).action_set_default(), True
        )
        # Archiving the default leaves the API without a connection, said so.
        self.zaken_service.with_user(self.admin).active = False
        self.assertFalse(self.zaken_service.is_default)
        self.assertFalse(Service._get_service("zaken"))
        with self.assertRaises(UserError):
            self.citizen.action_sync_zaken()
        with self.assertRaises(ValidationError):
            self.zaken_service.with_user(self.admin).action_set_default()

    def test_list_shows_which_is_used_with_last_success_and_error(self):
        self.assertEqual(self.zaken_service.health, "unused")
        self.add_zaak("ZAAK-1", {ROLE_BSN: [BSN]})
        self.citizen.action_sync_zaken()
        self.assertTrue(self.zaken_service.last_success_at)
        self.assertFalse(self.zaken_service.last_error)
        self.assertEqual(self.zaken_service.health, "ok")
        self.server.fail_with, self.server.fail_api = 500, "zaken"
        # The refused sync rolls its transaction back; the error is noted in
        # a transaction of its own, so it stays (no assertRaises here: its
        # savepoint would undo that too).
        refused = False
        with self.enter_registry_test_mode():
            try:
                self.citizen.action_sync_zaken()
            except UserError:
                refused = True
        self.assertTrue(refused)
        self.assertIn("HTTP 500", self.zaken_service.last_error)
        self.assertTrue(self.zaken_service.last_error_at)
        self.assertEqual(self.zaken_service.health, "failing")
        self.server.errors.clear()
        # The next call that succeeds says so at once, not a minute later.
        self.server.fail_with = None
        self.citizen.action_sync_zaken()
        self.assertEqual(self.zaken_service.health, "ok")
        arch = self.env["gov.zgw.service"].get_views([(False, "list")])["views"][
            "list"
        ]["arch"]
        for field in ("is_default", "health", "last_success_at", "last_error"):
            self.assertIn(f'name="{field}"', arch)

    def test_demo_connections_are_archived_on_upgrade(self):
        Service = self.env["gov.zgw.service"]
        demo = Service.create(
            {
                "name": "Demo",
                "api_type": "klantinteracties",
                "base_url": "http://localhost:8000/x",
            }
        )
        real = Service.create(
            {
                "name": "Real",
                "api_type": "klantinteracties",
                "base_url": "https://ok.example/x",
            }
        )
        self.env["ir.model.data"].create(
            {
                "module": "gov_gemma_sync",
                "name": "gov_zgw_service_klant_demo",
                "model": "gov.zgw.service",
                "res_id": demo.id,
            }
        )
        self.assertTrue(demo.is_default)  # the first one, as before the upgrade
        real.publish_channel_ids = False  # a connection from before the upgrade
        path = Path(__file__).parents[1] / "migrations/19.0.1.1.0/post-migrate.py"
        spec = importlib.util.spec_from_file_location("gov_gemma_post_migrate", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "19.0.1.0.0")
        self.env.invalidate_all()
        self.assertFalse(demo.active)
        self.assertTrue(real.is_default)
        self.assertEqual(Service._get_service("klantinteracties"), real)
        self.assertEqual(len(real.publish_channel_ids), 11)
