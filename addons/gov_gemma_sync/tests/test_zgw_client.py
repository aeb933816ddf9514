import socket
from unittest.mock import patch

import jwt
import requests

from odoo.tests import tagged

from ..zgw import (
    StaticTokenAuth,
    ZgwAuthenticationError,
    ZgwClient,
    ZgwDnsError,
    ZgwError,
    ZgwForbiddenError,
    ZgwForeignUrlError,
    ZgwJwtAuth,
    ZgwTimeoutError,
    ZgwTlsError,
    ZgwUnreachableError,
    ZgwVersionError,
    ZgwWrongApiError,
)
from .common import BSN, ROLE_BSN, GemmaSyncCase, free_port


@tagged("post_install", "-at_install")
class TestZgwClient(GemmaSyncCase):
    def client(self, base=None, secret=None, api_type="zaken", version=None):
        auth = ZgwJwtAuth(
            self.server.client_id, secret or self.server.secret, "jan", "Jan Jansen"
        )
        return ZgwClient(
            base or self.world.zaken_api,
            auth,
            api_type,
            timeout=10,
            api_version=version,
        )

    def test_jwt_claims_and_signature(self):
        auth = ZgwJwtAuth("odoo", "geheim", "jan", "Jan Jansen")
        token = auth.token(now=1764410000)
        self.assertEqual(jwt.get_unverified_header(token)["alg"], "HS256")
        claims = jwt.decode(token, "geheim", algorithms=["HS256"])
        self.assertEqual(
            claims,
            {
                "iss": "odoo",
                "iat": 1764410000,
                "client_id": "odoo",
                "user_id": "jan",
                "user_representation": "Jan Jansen",
            },
        )
        with self.assertRaises(jwt.InvalidSignatureError):
            jwt.decode(token, "ander-geheim", algorithms=["HS256"])
        self.assertNotIn("geheim", repr(auth))
        # The server verified a fresh token on a real request.
        self.client().get("zaken", params={ROLE_BSN: BSN}, crs=True)
        server_claims = self.server.requests[-1][4]
        self.assertEqual(server_claims["iss"], self.server.client_id)
        self.assertEqual(server_claims["user_representation"], "Jan Jansen")

    def test_pagination_follows_next(self):
        for number in range(5):
            self.add_zaak(f"ZAAK-{number}", {ROLE_BSN: [BSN]})
        self.add_zaak("ZAAK-OTHER", {ROLE_BSN: ["123456782"]})
        results = list(self.client().iter_list("zaken", {ROLE_BSN: BSN}, crs=True))
        self.assertEqual(
            sorted(z["identificatie"] for z in results),
            [f"ZAAK-{n}" for n in range(5)],
        )
        pages = [r[3].get("page") for r in self.requests_to("zaken", "/zaken")]
        self.assertEqual(pages, [None, "2", "3"])
        self.assertTrue(all(r[3][ROLE_BSN] == BSN for r in self.server.requests))

    def test_check_connection_reports_version(self):
        self.assertEqual(self.client().check_connection(), "1.5.1")
        catalogi = self.client(self.world.catalogi_api, api_type="catalogi")
        self.assertEqual(catalogi.check_connection(), "1.3.1")
        with self.assertRaises(ZgwVersionError):
            self.client(version="2.0.0").check_connection()

    def test_service_down(self):
        client = self.client(f"http://127.0.0.1:{free_port()}/zaken/api/v1")
        with self.assertRaises(ZgwUnreachableError) as caught:
            client.get("zaken", params={ROLE_BSN: BSN}, crs=True)
        self.assertIn("Nothing answers", str(caught.exception))
        self.assertNotIn(BSN, str(caught.exception))
        self.assertIsNone(caught.exception.__cause__)

    def test_tls_error(self):
        base = self.world.zaken_api.replace("http://", "https://")
        with self.assertRaises(ZgwTlsError) as caught:
            self.client(base).check_connection()
        self.assertIn("TLS", str(caught.exception))

    def test_unauthorized_and_forbidden(self):
        with self.assertRaises(ZgwAuthenticationError) as caught:
            self.client(secret="wrong-secret").check_connection()
        self.assertIn("HTTP 401", str(caught.exception))
        self.server.fail_with = 403
        with self.assertRaises(ZgwForbiddenError):
            self.client().check_connection()

    def test_wrong_api(self):
        # A web page instead of an API, and the Catalogi API asked for zaken.
        with self.assertRaises(ZgwWrongApiError) as caught:
            self.client(f"{self.server.base}/api/v1").check_connection()
        self.assertIn("does not serve the expected Zaken API", str(caught.exception))
        with self.assertRaises(ZgwWrongApiError):
            self.client(self.world.catalogi_api).check_connection()

    def test_foreign_link_not_followed(self):
        with self.assertRaises(ZgwForeignUrlError):
            self.client().get("https://elsewhere.example/zaken/api/v1/zaken")
        self.assertEqual(self.server.requests, [])

    def test_dns_and_timeout_are_named(self):
        # The Odoo test harness blocks other hosts and stretches short
        # timeouts, so these two failures are simulated at the HTTP layer.
        client = self.client()
        dns = requests.exceptions.ConnectionError(
            socket.gaierror(-2, "Name or service not known")
        )
        with patch.object(client.session, "request", side_effect=dns):
            with self.assertRaises(ZgwDnsError) as caught:
                client.check_connection()
        self.assertIn("cannot be found (DNS)", str(caught.exception))
        timeout = requests.exceptions.ReadTimeout("read timed out")
        with patch.object(client.session, "request", side_effect=timeout):
            with self.assertRaises(ZgwTimeoutError) as caught:
                client.check_connection()
        self.assertIn("within 10 seconds", str(caught.exception))

    def test_static_token_header(self):
        client = ZgwClient(self.world.zaken_api, StaticTokenAuth("abc123"), "zaken")
        self.assertEqual(client.auth.header(), "Token abc123")
        self.assertNotIn("abc123", repr(client.auth))
        # Open Zaak wants a JWT: a token is refused with a clear sentence.
        with self.assertRaises(ZgwAuthenticationError):
            client.check_connection()

    def test_every_error_has_a_translated_sentence(self):
        Service = self.env["gov.zgw.service"]
        params = {
            "timeout": 10,
            "url": "https://x.example/api/v1",
            "api": "Zaken",
            "status": 500,
            "detail": "oops",
            "found": "2.0.0",
            "expected": "1.5.1",
            "resource": "internetaak",
            "number": "0000000042",
        }
        for error_class in ZgwError.__subclasses__():
            error = error_class("zgw.example:443", **params)
            sentence = Service._error_message(error)
            self.assertNotIn("%(", sentence, error_class.__name__)
            self.assertTrue(
                "zgw.example:443" in sentence or "x.example" in sentence, sentence
            )
