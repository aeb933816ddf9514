import json

from odoo.tests import HttpCase, tagged

from ..zgw import ZgwWrongApiError
from .common import BSN, ROLE_BSN, make_services
from .zgw_server import ZgwTestServer

URL = "/gov_gemma_sync/notificaties"
SECRET = "Bearer 9f6c0d2e-webhook-secret-for-tests"


@tagged("post_install", "-at_install")
class TestNotificatiesWebhook(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ZgwTestServer().start()
        cls.addClassCleanup(cls.server.stop)
        make_services(cls.env, cls.server)
        cls.env["gov.zgw.service"].create(
            {
                "name": "Test Notificaties",
                "api_type": "notificaties",
                "base_url": f"{cls.server.base}/api/v1",
                "client_id": "odoo-test",
                "secret": "x",
                "callback_auth": SECRET,
            }
        )
        world = cls.server.world
        zaaktype = world.add_zaaktype("Bezwaar")
        cls.received = world.add_statustype(zaaktype, "Ontvangen")
        cls.decided = world.add_statustype(zaaktype, "Besluit genomen")
        cls.remote = world.add_zaak("ZAAK-N", zaaktype, {ROLE_BSN: [BSN]})
        world.set_status(cls.remote, cls.received)
        cls.zaak = cls.env["gov.zaak"].create(
            {"url": cls.remote["url"], "identificatie": "ZAAK-N"}
        )
        cls.Notification = cls.env["gov.zgw.notification"]

    def message(self, **values):
        return {
            "kanaal": "zaken",
            "hoofdObject": self.remote["url"],
            "resource": "status",
            "resourceUrl": f"{self.remote['url']}/status-2",
            "actie": "create",
            "aanmaakdatum": "2026-11-29T10:20:31.123456Z",
            "kenmerken": {"bronorganisatie": "002564440"},
            **values,
        }

    def remove_remote_zaak(self):
        """Delete the zaak in the Zaken API for this test only."""
        zaken, key = self.server.world.zaken, self.remote["uuid"]
        self.addCleanup(zaken.__setitem__, key, zaken.pop(key))

    def post(self, body, auth=SECRET):
        headers = {"Content-Type": "application/json"}
        if auth:
            headers["Authorization"] = auth
        data = body if isinstance(body, str) else json.dumps(body)
        return self.url_open(URL, data=data, headers=headers)

    def test_refuses_missing_or_wrong_authorization(self):
        for auth in (None, "Bearer wrong", SECRET + "x"):
            response = self.post(self.message(), auth=auth)
            self.assertEqual(response.status_code, 403)
            self.assertEqual(response.json()["code"], "permission_denied")
        # Open Notificaties checks this with an unauthenticated test message.
        self.assertEqual(self.post(self.message(kanaal="test"), None).status_code, 403)
        self.assertFalse(self.Notification.search([]))

    def test_malformed_messages_change_nothing(self):
        response = self.post("{not json")
        self.assertEqual(response.status_code, 400)
        bad = self.message()
        del bad["resourceUrl"]
        response = self.post(bad)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["invalidParams"][0]["name"], "resourceUrl")
        self.assertFalse(self.Notification.search([]))

    def test_test_message_is_acknowledged_and_dropped(self):
        self.assertEqual(self.post(self.message(kanaal="test")).status_code, 204)
        self.assertFalse(self.Notification.search([]))

    def test_duplicate_delivery_changes_nothing(self):
        self.assertEqual(self.post(self.message()).status_code, 204)
        self.assertEqual(self.post(self.message()).status_code, 204)
        notification = self.Notification.search([])
        self.assertEqual(len(notification), 1)
        self.assertEqual(notification.service_id.name, "Test Notificaties")
        jobs = self.env["queue.job"].search(
            [("model_name", "=", "gov.zgw.notification")]
        )
        self.assertEqual(len(jobs), 1)

    def test_status_change_updates_the_case(self):
        self.server.world.set_status(self.remote, self.decided)
        self.assertEqual(self.post(self.message()).status_code, 204)
        notification = self.Notification.search([])
        self.assertEqual(notification._zgw_process(), "Besluit genomen")
        self.assertEqual(notification.state, "processed")
        self.assertEqual(self.zaak.status_description, "Besluit genomen")
        self.assertEqual(self.server.errors, [])

    def test_destroyed_case_is_dropped_and_unknown_case_ignored(self):
        other = self.message(hoofdObject=f"{self.server.base}/zaken/api/v1/zaken/x")
        self.post(other)
        self.post(self.message(resource="zaak", actie="destroy"))
        unknown, destroyed = self.Notification.search([], order="id")
        unknown._zgw_process()
        self.assertEqual(unknown.state, "ignored")
        # The Zaken API confirms the deletion (404) before the copy goes.
        self.remove_remote_zaak()
        destroyed._zgw_process()
        self.assertEqual(destroyed.state, "processed")
        self.assertFalse(self.zaak.exists())

    # --- issue 11, item 7 --------------------------------------------------

    def test_any_body_gets_an_answer_not_a_500(self):
        bodies = [
            # Deep nesting within the size limit: RecursionError in the parser.
            "[" * 30_000 + "]" * 30_000,
            '{"a":' * 10_000 + "1" + "}" * 10_000,
            b"\xff\xfe not utf-8",
            "1" * 5000,  # a number beyond int's digit limit
            "null",
            json.dumps(self.message(kanaal="zaken\x00")),
            json.dumps(self.message(aanmaakdatum="gisteren")),
            json.dumps(self.message(resourceUrl="javascript:alert(1)")),
            json.dumps(self.message(actie=["create"])),
        ]
        for body in bodies:
            response = self.url_open(
                URL,
                data=body,
                headers={"Content-Type": "application/json", "Authorization": SECRET},
            )
            self.assertEqual(response.status_code, 400, str(body)[:40])
        big = json.dumps(self.message(kenmerken={"x": "y" * 70_000}))
        self.assertEqual(self.post(big).status_code, 400)
        self.assertFalse(self.Notification.search([]))

    def test_destroy_of_a_case_the_api_still_has_keeps_it(self):
        self.server.world.set_status(self.remote, self.decided)
        self.post(self.message(resource="zaak", actie="destroy"))
        notification = self.Notification.search([])
        notification._zgw_process()
        self.assertTrue(self.zaak.exists())
        self.assertEqual(notification.state, "failed")
        self.assertIn("still has the case", notification.error)
        # ... and it was refreshed while at it.
        self.assertEqual(self.zaak.status_description, "Besluit genomen")
        self.assertEqual(self.server.errors, [])

    def test_destroy_is_not_trusted_while_the_api_cannot_confirm_it(self):
        self.post(self.message(resource="zaak", actie="destroy"))
        notification = self.Notification.search([])
        self.server.fail_with = 503
        try:
            notification._zgw_process()
        finally:
            self.server.fail_with = None
        self.assertTrue(self.zaak.exists())
        self.assertEqual(notification.state, "failed")
        self.assertIn("kept", notification.error)
        self.server.errors.clear()

    def test_gone_is_only_a_json_404_or_a_410(self):
        # A web server's HTML 404 means a wrong address, not a deleted case.
        service = self.env["gov.zgw.service"]._get_service("zaken")
        client = service._zgw_client()
        unknown = self.remote["url"][:-12] + "000000000000"
        self.assertIsNone(client.get(unknown, gone_ok=True, crs=True))
        with self.assertRaises(ZgwWrongApiError):
            client.get(f"{self.server.base}/nowhere/x", gone_ok=True)
