from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.tests import tagged

from .common import BSN, OTHER_BSN
from .klant_case import KlantCase


@tagged("post_install", "-at_install")
class TestKlantcontactPublish(KlantCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.zaak = cls.env["gov.zaak"].create(
            {
                "url": f"{cls.server.base}/zaken/api/v1/zaken/"
                "6c3c0c5e-1d0e-4d0b-9f51-0a6a1d2b7c01",
                "identificatie": "ZAAK-KC",
                "partner_ids": [(4, cls.citizen.id)],
            }
        )

    def test_publish_klantcontact_with_partij_and_case(self):
        with trap_jobs() as trap:
            moment = self.register(zaak_id=self.zaak.id)
            self.assertEqual(moment.zgw_state, "pending")
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
        self.assertEqual(moment.zgw_state, "done")
        (stored,) = self.server.klant.klantcontacten.values()
        self.assertEqual(moment.zgw_klantcontact_url, stored[0]["url"])
        (partij_body,) = self.posts("/partijen")
        identificator = partij_body["partijIdentificatoren"][0]["partijIdentificator"]
        self.assertEqual(
            (identificator["codeSoortObjectId"], identificator["objectId"]),
            ("bsn", BSN),
        )
        (body,) = self.posts("/maak-klantcontact")
        self.assertEqual(body["klantcontact"]["kanaal"], "telefoon")
        self.assertEqual(
            body["klantcontact"]["plaatsgevondenOp"], "2026-11-29T10:15:00Z"
        )
        self.assertEqual(
            body["onderwerpobject"]["onderwerpobjectidentificator"]["objectId"],
            "6c3c0c5e-1d0e-4d0b-9f51-0a6a1d2b7c01",
        )
        self.assertEqual(self.zaak.contact_moment_ids, moment)
        # A second contact of the same citizen reuses the partij.
        with trap_jobs() as trap:
            self.register(subject="Tweede vraag")
            trap.perform_enqueued_jobs()
        self.assertEqual(len(self.posts("/partijen")), 1)
        self.assertEqual(len(self.server.klant.klantcontacten), 2)
        # ... without looking it up again; a changed identifier clears that.
        lookups = self.requests_to("klantinteracties", "/partijen")
        self.assertEqual(len(lookups), 2)  # one GET, one POST
        (partij_uuid,) = self.server.klant.partijen
        self.assertEqual(self.citizen.zgw_partij_uuid, partij_uuid)
        self.citizen.name = "Jan Burger-de Vries"
        self.assertEqual(self.citizen.zgw_partij_uuid, partij_uuid)
        self.citizen.bsn = OTHER_BSN
        self.assertFalse(self.citizen.zgw_partij_uuid)

    def test_retry_after_server_error_without_duplicates(self):
        self.server.fail_with, self.server.fail_api = 500, "klantinteracties"
        with trap_jobs() as trap:
            moment = self.register()
            trap.perform_enqueued_jobs()
            self.assertEqual(moment.zgw_state, "retrying")
            self.assertIn("HTTP 500", moment.zgw_error)
            trap.assert_jobs_count(1)
            self.assertEqual(trap.enqueued_jobs[0].eta.__class__.__name__, "datetime")
            self.server.fail_with = None
            trap.perform_enqueued_jobs()
        self.assertEqual(moment.zgw_state, "done")
        self.assertEqual(moment.zgw_attempts, 2)
        # The job runs again although the first one reached the server (its
        # transaction was lost): the klantcontact is found, not duplicated.
        url = moment.zgw_klantcontact_url
        moment.zgw_klantcontact_url = False
        moment._zgw_publish()
        self.assertEqual(moment.zgw_klantcontact_url, url)
        self.assertEqual(len(self.server.klant.klantcontacten), 1)
        self.assertEqual(len(self.posts("/maak-klantcontact")), 1)

    def test_refused_token_fails_without_losing_the_moment(self):
        self.klant_service.secret = "wrong-token"
        with trap_jobs() as trap:
            moment = self.register()
            trap.perform_enqueued_jobs()
            trap.assert_jobs_count(0)
        self.assertTrue(moment.exists())
        self.assertEqual(moment.zgw_state, "failed")
        self.assertIn("HTTP 401", moment.zgw_error)
        self.assertNotIn("wrong-token", moment.zgw_error)
        self.klant_service.secret = self.server.token
        with trap_jobs() as trap:
            moment.with_user(self.employee).action_zgw_retry()
            trap.perform_enqueued_jobs()
        self.assertEqual(moment.zgw_state, "done")

    def test_no_connection_no_job(self):
        self.klant_service.active = False
        with trap_jobs() as trap:
            moment = self.register()
            trap.assert_jobs_count(0)
        self.assertFalse(moment.zgw_state)
