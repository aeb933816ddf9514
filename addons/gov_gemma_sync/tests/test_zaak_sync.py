import logging
from datetime import date, timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import (
    BSN,
    ESTABLISHMENT,
    KVK,
    OTHER_BSN,
    ROLE_BSN,
    ROLE_KVK,
    ROLE_RSIN,
    ROLE_VESTIGING,
    RSIN,
    GemmaSyncCase,
    free_port,
)


@tagged("post_install", "-at_install")
class TestZaakSync(GemmaSyncCase):
    def zaken_of(self, partner):
        return self.env["gov.zaak"].search([("partner_ids", "in", partner.id)])

    def test_sync_citizen_maps_cases(self):
        first = self.add_zaak(
            "ZAAK-1",
            {ROLE_BSN: [BSN]},
            status=self.received,
            einddatumGepland="2026-05-01",
            uiterlijkeEinddatumAfdoening="2026-06-01",
        )
        for number in (2, 3, 4):
            self.add_zaak(f"ZAAK-{number}", {ROLE_BSN: [BSN]}, status=self.decided)
        self.add_zaak("ZAAK-OTHER", {ROLE_BSN: [OTHER_BSN]})
        self.citizen.with_user(self.employee).action_sync_zaken()
        zaken = self.zaken_of(self.citizen)
        self.assertEqual(
            sorted(zaken.mapped("identificatie")),
            ["ZAAK-1", "ZAAK-2", "ZAAK-3", "ZAAK-4"],
        )
        zaak = zaken.filtered(lambda z: z.identificatie == "ZAAK-1")
        self.assertEqual(zaak.url, first["url"])
        self.assertEqual(zaak.zaaktype, self.zaaktype)
        self.assertEqual(zaak.zaaktype_description, "Aanvraag parkeervergunning")
        # statustekst wins over omschrijving; an empty statustekst falls back.
        self.assertEqual(zaak.status_description, "Uw aanvraag is ontvangen.")
        self.assertEqual(set((zaken - zaak).mapped("status_description")), {"Besloten"})
        self.assertEqual(zaak.uiterlijke_einddatum_afdoening, date(2026, 6, 1))
        self.assertEqual(zaak.vertrouwelijkheidaanduiding, "openbaar")
        self.assertEqual(self.citizen.zaak_count, 4)
        # The zaaktype is asked once per run (cache), the list is paginated.
        self.assertEqual(len(self.requests_to("catalogi", "/zaaktypen")), 1)
        self.assertEqual(len(self.requests_to("zaken", "/zaken")), 2)
        # The status comes inline (expand=status): no request per case.
        self.assertEqual(self.requests_to("zaken", "/statussen"), [])
        self.assertTrue(
            all(r[3]["expand"] == "status" for r in self.requests_to("zaken", "/zaken"))
        )

    def test_status_fetched_when_server_does_not_expand(self):
        self.add_zaak("ZAAK-1", {ROLE_BSN: [BSN]}, status=self.received)
        self.patch(type(self.world), "_expand", lambda world, zaak, query: zaak)
        self.citizen.action_sync_zaken()
        self.assertEqual(
            self.zaken_of(self.citizen).status_description, "Uw aanvraag is ontvangen."
        )
        self.assertEqual(len(self.requests_to("zaken", "/statussen")), 1)

    def test_second_sync_updates_without_duplicates(self):
        zaak = self.add_zaak("ZAAK-1", {ROLE_BSN: [BSN]}, status=self.received)
        self.add_zaak("ZAAK-2", {ROLE_BSN: [BSN]})
        self.citizen.action_sync_zaken()
        stored = self.zaken_of(self.citizen)
        self.assertEqual(len(stored), 2)
        self.world.set_status(zaak, self.decided)
        zaak["einddatum"] = "2026-03-20"
        self.citizen.action_sync_zaken()
        again = self.zaken_of(self.citizen)
        self.assertEqual(again, stored)
        self.assertEqual(
            self.env["gov.zaak"].search_count([("url", "=", zaak["url"])]), 1
        )
        record = again.filtered(lambda z: z.url == zaak["url"])
        self.assertEqual(record.status_description, "Besloten")
        self.assertEqual(record.einddatum, date(2026, 3, 20))

    def test_sync_company_merges_role_filters(self):
        self.add_zaak("ZAAK-KVK", {ROLE_KVK: [KVK], ROLE_RSIN: [RSIN]})
        self.add_zaak("ZAAK-VEST", {ROLE_VESTIGING: [ESTABLISHMENT]})
        self.add_zaak("ZAAK-ANDER", {ROLE_KVK: ["87654321"]})
        self.company.action_sync_zaken()
        self.assertEqual(
            sorted(self.zaken_of(self.company).mapped("identificatie")),
            ["ZAAK-KVK", "ZAAK-VEST"],
        )
        filters = {next(iter(r[3])) for r in self.requests_to("zaken", "/zaken")}
        self.assertEqual(filters, {ROLE_KVK, ROLE_VESTIGING, ROLE_RSIN})

    def test_failed_sync_changes_nothing(self):
        zaak = self.add_zaak("ZAAK-1", {ROLE_BSN: [BSN]}, status=self.received)
        self.citizen.action_sync_zaken()
        stored = self.zaken_of(self.citizen)
        self.world.set_status(zaak, self.decided)
        self.add_zaak("ZAAK-2", {ROLE_BSN: [BSN]})
        self.server.fail_with = 401
        with self.assertRaisesRegex(UserError, "nothing was changed.*HTTP 401"):
            self.citizen.action_sync_zaken()
        self.assertEqual(self.zaken_of(self.citizen), stored)
        self.assertEqual(stored.status_description, "Uw aanvraag is ontvangen.")
        # A Catalogi failure after the Zaken calls succeeded changes nothing either.
        self.server.fail_with, self.server.fail_api = 500, "catalogi"
        with self.assertRaisesRegex(UserError, "internal problem .HTTP 500"):
            self.citizen.action_sync_zaken()
        self.assertEqual(self.zaken_of(self.citizen), stored)
        self.assertEqual(stored.status_description, "Uw aanvraag is ontvangen.")
        # The Zaken service is down.
        self.server.fail_with = None
        self.zaken_service.base_url = f"http://127.0.0.1:{free_port()}/zaken/api/v1"
        with self.assertRaisesRegex(UserError, "Nothing answers at 127.0.0.1"):
            self.citizen.action_sync_zaken()
        self.assertEqual(self.zaken_of(self.citizen), stored)

    def test_sync_needs_identifier_and_service(self):
        nobody = self.env["res.partner"].create({"name": "Zonder nummer"})
        with self.assertRaisesRegex(UserError, "has no BSN"):
            nobody.action_sync_zaken()
        self.zaken_service.active = False
        with self.assertRaisesRegex(UserError, "No Zaken API"):
            self.citizen.action_sync_zaken()

    def test_bsn_and_secret_never_logged(self):
        self.add_zaak("ZAAK-1", {ROLE_BSN: [BSN]}, status=self.received)
        with self.assertLogs("odoo.addons.gov_gemma_sync", logging.DEBUG) as logs:
            self.citizen.action_sync_zaken()
        output = "\n".join(logs.output)
        self.assertIn("/zaken/api/v1/zaken", output)
        self.assertNotIn(BSN, output)
        self.assertNotIn(self.server.secret, output)

    def test_is_overdue(self):
        today = date.today()
        Zaak = self.env["gov.zaak"]
        late, done, on_time, planned_late = Zaak.create(
            [
                {
                    "url": "https://oz.example/z/1",
                    "uiterlijke_einddatum_afdoening": today - timedelta(days=1),
                },
                {
                    "url": "https://oz.example/z/2",
                    "uiterlijke_einddatum_afdoening": today - timedelta(days=1),
                    "einddatum": today,
                },
                {
                    "url": "https://oz.example/z/3",
                    "uiterlijke_einddatum_afdoening": today + timedelta(days=3),
                },
                {
                    "url": "https://oz.example/z/4",
                    "einddatum_gepland": today - timedelta(days=2),
                },
            ]
        )
        self.assertEqual(
            [z.is_overdue for z in (late, done, on_time, planned_late)],
            [True, False, False, True],
        )
        found = Zaak.search([("is_overdue", "=", True), ("url", "like", "oz.example")])
        self.assertEqual(found, late | planned_late)
        not_overdue = Zaak.search(
            [("is_overdue", "=", False), ("url", "like", "oz.example")]
        )
        self.assertEqual(not_overdue, done | on_time)

    def test_action_test_connection(self):
        result = self.zaken_service.action_test_connection()
        self.assertEqual(result["params"]["type"], "success")
        self.assertIn("1.5.1", result["params"]["message"])
        self.zaken_service.base_url = f"http://127.0.0.1:{free_port()}/zaken/api/v1"
        result = self.zaken_service.action_test_connection()
        self.assertEqual(result["params"]["type"], "danger")
        self.assertIn("Nothing answers at 127.0.0.1", result["params"]["message"])
        self.assertNotIn(self.server.secret, str(result))
