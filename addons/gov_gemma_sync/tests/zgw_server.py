"""A local Open Zaak / Open Klant stand-in on 127.0.0.1 that checks our client
against the specs and against the rules the real servers enforce beyond them.

Every request is validated with openapi-core against the official Zaken /
Catalogi / Klantinteracties / Notificaties specification; every answer is
validated too before it is sent. Anything the spec rejects ends up in
``errors``, which the tests assert to be empty. On top of the OAS, as the
real servers do (each rule names where it was seen):

- unknown query parameter -> 400 ``unknown-parameters`` (vng_api_common
  ``CheckQueryParamsMixin``, used by Open Zaak 1.30.0 and Open Klant 2.18.0);
- ``/zaken`` without ``Accept-Crs`` -> 412, another CRS -> 406, a write
  without ``Content-Crs`` -> 412 (Open Zaak 1.30.0, vng_api_common geo.py);
- a page past the end -> 404 (Open Zaak 1.30.0, Open Klant 2.18.0: DRF
  pagination);
- ``expand`` with an unknown value -> 400 (Open Zaak 1.30.0 ``expand``
  choices; Open Klant 2.18.0 ``expand:invalid_choice``);
- Open Klant's errors are sent as ``application/json`` (Open Klant 2.18.0);
- a method a Klantinteracties resource does not offer (DELETE on a
  collection) -> 405 (Open Klant 2.18.0, OPENKLANT-BEHAVIOUR.md line 22);
- the Klantinteracties rules in ``klant_world`` / ``klant_taken``
  (referentienummer, identificatoren, internetaken) and the Notificaties
  rules in ``zgw_fixtures``.
"""

import json
import threading
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import jwt
import yaml
from jsonschema_path import SchemaPath
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_core.validation.request.exceptions import SecurityValidationError

from .klant_world import KlantWorld
from .zgw_fixtures import ZgwWorld, fout

SPECS = Path(__file__).parent / "specs"
ZAKEN_SPEC = "zaken-api-1.5.1-openzaak-1.30.0.yaml"
CATALOGI_SPEC = "catalogi-api-1.3.1-openzaak-1.30.0.yaml"
KLANT_SPEC = "klantinteracties-api-0.9.0-openklant-2.18.0.yaml"
NOTIF_SPEC = "notificaties-api-1.0.0-opennotificaties-1.16.1.yaml"
_LOADED = {}
# openapi-core warns about every deprecated parameter the spec declares (e.g.
# Open Klant's "nummer"), even when the request does not use it.
warnings.filterwarnings(
    "ignore", message=r".* parameter is deprecated", category=DeprecationWarning
)


def _load(name):
    if name not in _LOADED:
        with open(SPECS / name, encoding="utf-8") as handle:
            _LOADED[name] = yaml.load(
                handle, Loader=getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
            )
    return _LOADED[name]


def _openapi(name):
    catalogi = _load(CATALOGI_SPEC)

    def offline(uri):
        # The Zaken spec refers to the Catalogi ZaakType online; use our copy.
        if "catalogi-api" not in uri:
            raise ValueError(f"unexpected remote reference {uri}")
        return catalogi

    spec = SchemaPath.from_dict(_load(name), handlers={"https": offline})
    config = Config(
        spec_validator_cls=None,
        extra_media_type_deserializers={"application/problem+json": json.loads},
    )
    return OpenAPI(spec, config=config)


class ZgwTestServer:
    API_VERSIONS = {
        "zaken": "1.5.1",
        "catalogi": "1.3.1",
        "klantinteracties": "0.9.0",
        "notificaties": "1.0.0",
    }

    def __init__(self, client_id="odoo-test", secret="s3cret-for-tests"):
        self.client_id = client_id
        self.secret = secret
        self.token = "0123456789abcdef0123456789abcdef01234567"
        self.fail_with = None  # e.g. 401, 403, 500: answer every call with it
        self.fail_api = None  # limit fail_with to "zaken" or "catalogi"
        self.requests = []  # (api, method, path, query dict, jwt claims)
        self.errors = []
        self.apis = {
            "zaken": ("/zaken/api/v1", _openapi(ZAKEN_SPEC), _load(ZAKEN_SPEC)),
            "catalogi": (
                "/catalogi/api/v1",
                _openapi(CATALOGI_SPEC),
                _load(CATALOGI_SPEC),
            ),
            "klantinteracties": (
                "/klantinteracties/api/v1",
                _openapi(KLANT_SPEC),
                _load(KLANT_SPEC),
            ),
            "notificaties": ("/api/v1", _openapi(NOTIF_SPEC), _load(NOTIF_SPEC)),
        }
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.world = ZgwWorld(self.base)
        self.klant = KlantWorld(self.base)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server._serve(self, "get")

            def do_POST(self):
                server._serve(self, "post")

            def do_PATCH(self):
                server._serve(self, "patch")

            def do_DELETE(self):
                server._serve(self, "delete")

            def log_message(self, *args):
                pass

        return Handler

    # --- request handling -------------------------------------------------

    def _serve(self, handler, method):
        parts = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        data = handler.rfile.read(length) if length else None
        query = dict(parse_qsl(parts.query))
        headers = dict(handler.headers.items())
        api = next(
            (
                name
                for name, (root, *_) in self.apis.items()
                if parts.path.startswith(root + "/")
            ),
            None,
        )
        if api is None:
            return self._send(handler, 404, b"<html>Not Found</html>", "text/html")
        root, openapi, raw = self.apis[api]
        path = parts.path[len(root) :]
        if not self._operation(raw, path, method):
            if api == "klantinteracties" and self._operation(raw, path, "get"):
                # Open Klant 2.18.0 (OPENKLANT-BEHAVIOUR.md line 22): a method
                # the resource does not offer, e.g. DELETE on a collection.
                self.errors.append(f"{parts.path}: {method.upper()} not allowed")
                body = json.dumps(fout(405, "method_not_allowed", "Niet toegestaan."))
                return self._send(handler, 405, body.encode(), "application/json")
            body = json.dumps(fout(404, "not_found", "Niet gevonden.")).encode()
            return self._send(handler, 404, body, "application/problem+json")
        request = MockRequest(
            self.base,
            method,
            parts.path,
            args=query,
            headers=headers,
            data=data,
            content_type=headers.get("Content-Type", "application/json"),
        )
        refusal = self._validate_request(openapi, raw, request, root, method, query)
        claims = self._claims(api, headers.get("Authorization", ""))
        self.requests.append((api, method.upper(), path, query, claims, data))
        if refusal:
            status, code, problem = refusal
            self.errors.append(f"{parts.path}: {problem}")
            body = fout(status, code, problem)
        elif self.fail_with and self.fail_api in (None, api):
            status, body = self.fail_with, fout(self.fail_with, "error", "forced")
        elif claims is None:
            status, body = 401, fout(401, "not_authenticated", "Bad token")
        elif api == "klantinteracties":
            body = json.loads(data) if data else None
            status, body = self.klant.route(method, path, query, body)
        elif api == "notificaties":
            status, body = self.world.notificaties(
                method, path, json.loads(data or "null")
            )
        else:
            status, body = self.world.route(api, path, query)
        if status == 501:
            self.errors.append(f"{parts.path}: {body['detail']}")
        self._answer(handler, openapi, request, api, status, body)

    def _validate_request(self, openapi, raw, request, root, method, query):
        path = request.path
        if path.startswith(root + "/zaken"):
            # Open Zaak 1.30.0 ZaakViewSet (vng_api_common geo.py GeoMixin).
            headers = request.parameters.header
            accept = headers.get("Accept-Crs")
            if accept is None:
                return 412, "precondition_failed", "'Accept-Crs' header ontbreekt"
            if accept != "EPSG:4326":
                return 406, "not_acceptable", "CRS-negotiatie mislukt"
            if method in ("post", "put", "patch") and not headers.get("Content-Crs"):
                return 412, "precondition_failed", "'Content-Crs' header ontbreekt"
        result = openapi.unmarshal_request(request)
        # Missing or wrongly typed credentials are the server's 401, not a
        # contract violation of the client.
        errors = [
            e for e in result.errors if not isinstance(e, SecurityValidationError)
        ]
        if errors:
            return 400, "invalid", "; ".join(str(error) for error in errors)
        operation = self._operation(raw, path[len(root) :], method)
        known = {
            p["name"] for p in operation.get("parameters", []) if p["in"] == "query"
        }
        unknown = set(query) - known
        if unknown:
            # vng_api_common CheckQueryParamsMixin (Open Zaak 1.30.0, Open Klant
            # 2.18.0): a misspelled filter fails loudly.
            reason = f"Onbekende query parameters: {', '.join(sorted(unknown))}"
            return 400, "unknown-parameters", reason
        return None

    @staticmethod
    def _operation(raw, path, method):
        segments = path.strip("/").split("/")
        for template, item in raw["paths"].items():
            parts = template.strip("/").split("/")
            if len(parts) == len(segments) and all(
                p == s or p.startswith("{")
                for p, s in zip(parts, segments, strict=True)
            ):
                return item.get(method, {})
        return {}

    def _claims(self, api, header):
        if api == "klantinteracties":
            return {"token": True} if header == f"Token {self.token}" else None
        if not header.startswith("Bearer "):
            return None
        try:
            claims = jwt.decode(
                header[7:],
                self.secret,
                algorithms=["HS256"],
                options={"require": ["iss", "iat", "client_id"]},
            )
        except jwt.InvalidTokenError:
            return None
        return claims if claims["client_id"] == self.client_id else None

    def _answer(self, handler, openapi, request, api, status, body):
        # 204 (a DELETE) has no body at all.
        data = b"" if status == 204 else json.dumps(body).encode()
        # Open Klant 2.18.0 sends its error bodies as application/json.
        problem = status >= 400 and api != "klantinteracties"
        ctype = "application/problem+json" if problem else "application/json"
        headers = {"API-version": self.API_VERSIONS[api], "Content-Crs": "EPSG:4326"}
        response = MockResponse(
            data, status_code=status, headers=headers, content_type=ctype
        )
        # Open Klant's spec declares no error responses (it still sends them).
        declared = not (api == "klantinteracties" and status >= 400)
        result = openapi.unmarshal_response(request, response) if declared else None
        if result and result.errors:
            causes = [f"{e!r} {e.__cause__!r}" for e in result.errors]
            self.errors.append(f"response {request.path}: {causes}")
        self._send(handler, status, data, ctype, headers)

    @staticmethod
    def _send(handler, status, data, ctype, headers=None):
        handler.send_response(status)
        handler.send_header("Content-Type", ctype)
        handler.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            handler.send_header(key, value)
        handler.end_headers()
        handler.wfile.write(data)
