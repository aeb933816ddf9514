"""ZGW error bodies as Open Klant 2.18.0 sends them (vng_api_common's
``Fout`` / ``ValidatieFout``), always as ``application/json``."""

import uuid

TITLES = {
    400: "Ongeldige invoer.",
    401: "Authenticatiegegevens zijn niet opgegeven.",
    403: "U heeft geen toestemming om deze actie uit te voeren.",
    404: "Niet gevonden.",
    405: "Methode niet toegestaan.",
    406: "Kan niet voldoen aan de opgegeven Accept header.",
    409: "Conflict.",
    415: "Ongeldige mediatype in aanvraag.",
    500: "Er is een serverfout opgetreden.",
}
TYPES = {
    400: "ValidationError",
    401: "NotAuthenticated",
    403: "PermissionDenied",
    404: "NotFound",
    405: "MethodNotAllowed",
    406: "NotAcceptable",
    409: "Conflict",
    415: "UnsupportedMediaType",
    500: "APIException",
}


class ApiError(Exception):
    """An answer other than 2xx; ``invalid_params`` makes it a ValidatieFout."""

    def __init__(self, status, code, detail=None, invalid_params=None):
        super().__init__(detail or code)
        self.status = status
        self.code = code
        self.detail = detail or TITLES.get(status, "")
        self.invalid_params = invalid_params

    def body(self, base_url):
        body = {
            "type": f"{base_url}/ref/fouten/{TYPES.get(self.status, 'APIException')}/",
            "code": self.code,
            "title": TITLES.get(self.status, self.detail),
            "status": self.status,
            "detail": self.detail,
            "instance": f"urn:uuid:{uuid.uuid4()}",
        }
        if self.invalid_params is not None:
            body["code"] = "invalid"
            body["detail"] = ""
            body["invalidParams"] = self.invalid_params
        return body


def invalid(name, code, reason):
    """A 400 with one invalid parameter."""
    return ApiError(
        400, "invalid", invalid_params=[{"name": name, "code": code, "reason": reason}]
    )


def not_found():
    return ApiError(404, "not_found", "Niet gevonden.")
