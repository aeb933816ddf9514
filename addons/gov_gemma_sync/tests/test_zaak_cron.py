import logging
from datetime import datetime

from odoo.tests import tagged

from .common import BSN, KVK, OTHER_BSN, ROLE_BSN, ROLE_KVK, GemmaSyncCase


@tagged("post_install", "-at_install")
class TestZaakCron(GemmaSyncCase):
    def test_refresh_drops_links_the_service_no_longer_returns(self):
        zaak = self.add_zaak("ZAAK-1", {ROLE_BSN: [BSN, OTHER_BSN]})
        other = self.env["res.partner"].create({"name": "Piet", "bsn": OTHER_BSN})
        (self.citizen | other).action_sync_zaken()
        record = self.env["gov.zaak"].search([("url", "=", zaak["url"])])
        self.assertEqual(record.partner_ids, self.citizen | other)
        self.world.zaken[zaak["uuid"]][1][ROLE_BSN] = [OTHER_BSN]
        self.citizen.action_sync_zaken()
        self.assertEqual(record.partner_ids, other)
        self.assertFalse(self.citizen.zaak_ids)

    def test_cron_refreshes_oldest_first(self):
        self.add_zaak("ZAAK-B", {ROLE_BSN: [BSN]}, status=self.received)
        self.add_zaak("ZAAK-K", {ROLE_KVK: [KVK]}, status=self.received)
        never = self.env["res.partner"].create({"name": "Nooit", "bsn": OTHER_BSN})
        self.citizen.zaak_synced_at = datetime(2026, 1, 1)
        self.company.zaak_synced_at = datetime(2026, 2, 1)
        Partner = self.env["res.partner"]
        self.assertEqual(Partner._cron_sync_zaken(batch_size=1), 1)
        self.assertEqual(self.citizen.zaak_ids.mapped("identificatie"), ["ZAAK-B"])
        self.assertFalse(self.company.zaak_ids)
        self.assertGreater(self.citizen.zaak_synced_at, datetime(2026, 1, 1))
        # Next run: now the company is the oldest; a never-synced relation
        # is not part of the rotation.
        Partner._cron_sync_zaken(batch_size=1)
        self.assertEqual(self.company.zaak_ids.mapped("identificatie"), ["ZAAK-K"])
        self.assertFalse(never.zaak_synced_at)

    def test_cron_survives_a_failing_service(self):
        self.add_zaak("ZAAK-B", {ROLE_BSN: [BSN]}, status=self.received)
        self.citizen.action_sync_zaken()
        synced_at = self.citizen.zaak_synced_at
        self.company.zaak_synced_at = datetime(2026, 1, 1)
        self.server.fail_with = 500
        with self.assertLogs("odoo.addons.gov_gemma_sync", logging.WARNING) as logs:
            self.env["res.partner"]._cron_sync_zaken()
        self.assertEqual(len(logs.records), 2)
        self.assertIn("HTTP 500", logs.output[0])
        self.assertNotIn(BSN, "\n".join(logs.output))
        self.assertEqual(self.citizen.zaak_synced_at, synced_at)
        self.assertEqual(len(self.citizen.zaak_ids), 1)
