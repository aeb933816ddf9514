from odoo.tests import tagged

from .common import GemmaSyncCase


@tagged("post_install", "-at_install")
class TestNotificatiesSubscribe(GemmaSyncCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("web.base.url", "https://odoo.example")
        cls.notificaties = cls.env["gov.zgw.service"].create(
            {
                "name": "Test Notificaties",
                "api_type": "notificaties",
                "base_url": f"{cls.server.base}/api/v1",
                "client_id": cls.server.client_id,
                "secret": cls.server.secret,
                "timeout": 10,
            }
        )

    def test_test_connection_lists_kanalen(self):
        result = self.notificaties.action_test_connection()
        self.assertEqual(result["params"]["type"], "success", result)
        self.assertIn("1.0.0", result["params"]["message"])

    def test_subscribe_once_with_generated_secret(self):
        result = self.notificaties.action_subscribe()
        self.assertEqual(result["params"]["type"], "success", result)
        (body,) = self.server.world.abonnementen
        self.assertEqual(
            body["callbackUrl"], "https://odoo.example/gov_gemma_sync/notificaties"
        )
        self.assertTrue(self.notificaties.callback_auth.startswith("Bearer "))
        self.assertGreater(len(self.notificaties.callback_auth), 40)
        self.assertEqual(body["auth"], self.notificaties.callback_auth)
        self.assertEqual(
            [k["naam"] for k in body["kanalen"]],
            ["zaken", "internetaken", "klantcontacten"],
        )
        self.assertEqual(
            self.notificaties.kanalen, "zaken, internetaken, klantcontacten"
        )
        self.assertTrue(self.notificaties.abonnement_url.startswith(self.server.base))
        # A second press does not create a second abonnement.
        result = self.notificaties.action_subscribe()
        self.assertEqual(result["params"]["type"], "info")
        self.assertEqual(len(self.server.world.abonnementen), 1)

    def test_subscribe_only_to_registered_kanalen(self):
        # An Open Klant before 2.18 registers no klantcontacten kanaal.
        del self.server.world.kanalen["klantcontacten"]
        result = self.notificaties.action_subscribe()
        self.assertEqual(result["params"]["type"], "success", result)
        (body,) = self.server.world.abonnementen
        self.assertEqual(
            [k["naam"] for k in body["kanalen"]], ["zaken", "internetaken"]
        )

    def test_subscribe_refused_without_zaken_kanaal(self):
        del self.server.world.kanalen["zaken"]
        result = self.notificaties.action_subscribe()
        self.assertEqual(result["params"]["type"], "danger")
        self.assertIn("zaken", result["params"]["message"])
        self.assertFalse(self.server.world.abonnementen)

    def test_subscribe_reports_refusal(self):
        self.server.fail_with = 403
        result = self.notificaties.action_subscribe()
        self.assertEqual(result["params"]["type"], "danger")
        self.assertIn("HTTP 403", result["params"]["message"])
        self.assertFalse(self.notificaties.abonnement_url)
