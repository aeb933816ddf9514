import json
import logging

import psycopg2

from odoo import http
from odoo.addons.gov_addressbook.server_context import server_flags
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from ..api import resources  # noqa: F401 - registers the resources
from ..api.dispatch import Api
from ..api.errors import ApiError
from ..api.spec import API_VERSION

_logger = logging.getLogger(__name__)
ROOT = "/klantinteracties/api/v1"
MAX_BODY = 1024 * 1024  # a klantcontact with its parts is a few kB


def _accepts_json(accept):
    if not accept:
        return True
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in ("*/*", "application/*", "application/json"):
            return True
    return False


class KlantinteractiesController(http.Controller):
    @http.route(
        [ROOT, f"{ROOT}/<path:path>"],
        type="http",
        auth="none",
        methods=None,
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def klantinteracties(self, path="", **_params):
        httprequest = request.httprequest
        base = httprequest.host_url.rstrip("/") + ROOT
        try:
            return self._serve(httprequest, base, path)
        except ApiError as error:
            request.env.cr.rollback()
            return self._answer(error.status, error.body(base))

    def _serve(self, httprequest, base, path):
        if not _accepts_json(httprequest.headers.get("Accept")):
            raise ApiError(406, "not_acceptable")
        application = self._authenticate(httprequest.headers.get("Authorization"))
        method = httprequest.method
        body = None
        if method in ("POST", "PUT", "PATCH"):
            body = self._body(httprequest)
        # The application's user, in their language: errors from Odoo itself
        # (a constraint, a refused right) read as the staff would read them.
        user = application.user_id
        request.update_env(
            user=user.id, context=dict(request.env.context, lang=user.lang)
        )
        api = Api(request.env, base, httprequest.args.to_dict())
        flags = {
            "gov_processing_origin": "klantinteracties_api",
            "gov_ki_application": application.id,
        }
        try:
            with server_flags(**flags), request.env.cr.savepoint():
                status, answer, headers = api.handle(method, path, body)
        except (AccessError, MissingError) as error:
            raise ApiError(403, "permission_denied", str(error)) from error
        except (ValidationError, UserError) as error:
            raise ApiError(
                400,
                "invalid",
                invalid_params=[
                    {"name": "nonFieldErrors", "code": "invalid", "reason": str(error)}
                ],
            ) from error
        except psycopg2.errors.UniqueViolation as error:
            raise ApiError(
                400,
                "invalid",
                invalid_params=[
                    {"name": "__all__", "code": "unique", "reason": "Bestaat al."}
                ],
            ) from error
        return self._answer(status, answer, headers)

    def _authenticate(self, header):
        scheme, _, key = (header or "").partition(" ")
        if not header:
            raise ApiError(401, "not_authenticated")
        if scheme != "Token" or not key.strip():
            raise ApiError(401, "authentication_failed", "Ongeldige token.")
        application = request.env["gov.ki.application"]._gov_authenticate(key.strip())
        if not application:
            raise ApiError(401, "authentication_failed", "Ongeldige token.")
        return application

    def _body(self, httprequest):
        ctype = (httprequest.mimetype or "").lower()
        if ctype != "application/json":
            raise ApiError(
                415,
                "unsupported_media_type",
                f'Ongeldige mediatype "{httprequest.content_type}" in aanvraag.',
            )
        if (httprequest.content_length or 0) > MAX_BODY:
            raise ApiError(413, "request_too_large", "De aanvraag is te groot.")
        try:
            return json.loads(httprequest.get_data(as_text=True) or "null")
        except ValueError as error:
            raise ApiError(400, "parse_error", f"JSON parse error - {error}") from error

    def _answer(self, status, body, headers=None):
        headers = {"API-version": API_VERSION, **(headers or {})}
        if status == 204:
            return request.make_response(b"", headers=list(headers.items()), status=204)
        return request.make_json_response(body, headers=headers, status=status)
