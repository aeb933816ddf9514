"""Webhook for the ZGW Notificaties API (consumer side of Notificaties 1.0)."""

import hmac
import json

from odoo import SUPERUSER_ID, http
from odoo.http import request

from ..models.gov_zgw_notification import REQUIRED

MAX_BODY = 64 * 1024


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
        data = request.httprequest.get_data(cache=False)
        if len(data) > MAX_BODY:
            return _problem(400, "too_large", "Bericht is te groot.")
        try:
            message = json.loads(data)
        except ValueError:
            return _problem(400, "parse_error", "Ongeldige JSON.")
        if not isinstance(message, dict):
            return _problem(400, "invalid", "Ongeldig bericht.")
        missing = [key for key in REQUIRED if not isinstance(message.get(key), str)]
        if missing:
            return _problem(400, "invalid", "Ongeldig bericht.", missing)
        if message["kanaal"] != "test":
            env["gov.zgw.notification"]._receive(message, service)
        return request.make_response("", status=204)
