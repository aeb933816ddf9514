import json

from odoo.tests import HttpCase, tagged

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
        destroyed._zgw_process()
        self.assertFalse(self.zaak.exists())
