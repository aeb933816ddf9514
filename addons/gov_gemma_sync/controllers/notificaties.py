"""Webhook for the ZGW Notificaties API (consumer side of Notificaties 1.0)."""

import hmac
import json
import re
from datetime import datetime

from odoo import SUPERUSER_ID, http
from odoo.http import request

from ..models.gov_zgw_notification import REQUIRED

MAX_BODY = 64 * 1024
# Notificaties 1.0 Message: maximum lengths (URLs as the Abonnement's url).
MAX_LENGTH = {
    "kanaal": 50,
    "resource": 100,
    "actie": 100,
    "hoofdObject": 1000,
    "resourceUrl": 1000,
    "aanmaakdatum": 64,
}
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _invalid_fields(message):
    """The required fields that are missing or not acceptable."""
    invalid = []
    for key in REQUIRED:
        value = message.get(key)
        if (
            not isinstance(value, str)
            or not value
            or len(value) > MAX_LENGTH[key]
            or CONTROL.search(value)
        ):
            invalid.append(key)
        elif key in ("hoofdObject", "resourceUrl") and not value.startswith(
            ("http://", "https://")
        ):
            invalid.append(key)
        elif key == "aanmaakdatum":
            try:
                datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                invalid.append(key)
    return invalid


def _parse(data):
    """The JSON body as a dict, or None for anything else.

    Any body must give an answer, never a 500: besides malformed JSON and
    bad encodings (ValueError), very deep nesting makes the parser run out of
    stack (RecursionError).
    """
    try:
        message = json.loads(data)
    except (ValueError, RecursionError):
        return None
    return message if isinstance(message, dict) else None


def _problem(status, code, title, invalid=None):
    body = {
        "type": f"urn:gov-gemma-sync:fouten:{code}",
        "code": code,
        "title": title,
        "status": status,
        "detail": title,
        "instance": "urn:gov-gemma-sync:notificaties",
    }
    if invalid:
        body["invalidParams"] = [
            {"name": name, "code": "required", "reason": "Dit veld is vereist."}
            for name in invalid
        ]
    return request.make_response(
        json.dumps(body),
        headers=[("Content-Type", "application/problem+json")],
        status=status,
    )


class ZgwNotificationController(http.Controller):
    @http.route(
        "/gov_gemma_sync/notificaties",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        readonly=False,
        save_session=False,
    )
    def receive(self):
        # Superuser: this route has no user; only the configured callback
        # secrets are read, and only a validated message is stored. Its
        # processing job runs as the superuser too (a system integration).
        env = request.env(user=SUPERUSER_ID)
        given = request.httprequest.headers.get("Authorization", "")
        service = next(
            (
                s
                for s in env["gov.zgw.service"]._get_services("notificaties")
                if given
                and s.callback_auth
                and hmac.compare_digest(given.encode(), s.callback_auth.encode())
            ),
            None,
        )
        if service is None:
            return _problem(403, "permission_denied", "Geen geldige autorisatie.")
        # A body announced as too large is refused unread.
        if (request.httprequest.content_length or 0) > MAX_BODY:
            return _problem(400, "too_large", "Bericht is te groot.")
        data = request.httprequest.get_data(cache=False)
        if len(data) > MAX_BODY:
            return _problem(400, "too_large", "Bericht is te groot.")
        message = _parse(data)
        if message is None:
            return _problem(400, "parse_error", "Ongeldige JSON.")
        invalid = _invalid_fields(message)
        if invalid:
            return _problem(400, "invalid", "Ongeldig bericht.", invalid)
        if message["kanaal"] != "test":
            env["gov.zgw.notification"]._receive(message, service)
        return request.make_response("", status=204)
