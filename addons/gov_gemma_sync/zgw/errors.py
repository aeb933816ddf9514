"""Exceptions raised by the ZGW client, each with one human sentence.

Every error carries a ``kind`` (stable key, used by Odoo to pick a translated
sentence) and ``params`` (host, status, ...). ``str(error)`` is the English
sentence. Secrets and tokens never appear in a message.
"""


class ZgwError(Exception):
    kind = "error"
    template = "The ZGW service at {host} answered with an unexpected error."

    def __init__(self, host, **params):
        self.params = {"host": host, **params}
        super().__init__(self.template.format(**self.params))

    @property
    def message(self):
        return str(self)


class ZgwDnsError(ZgwError):
    kind = "dns"
    template = (
        "The host name {host} cannot be found (DNS): check the base URL for typos."
    )


class ZgwUnreachableError(ZgwError):
    kind = "unreachable"
    template = (
        "Nothing answers at {host}: the service is down or a firewall blocks "
        "the connection."
    )


class ZgwTlsError(ZgwError):
    kind = "tls"
    template = (
        "The secure connection (TLS) to {host} failed: the certificate is not "
        "trusted or the server does not speak HTTPS on this address."
    )


class ZgwTimeoutError(ZgwError):
    kind = "timeout"
    template = "{host} did not answer within {timeout} seconds."


class ZgwAuthenticationError(ZgwError):
    kind = "unauthorized"
    template = (
        "{host} refused the credentials (HTTP 401): check the client ID and "
        "secret or token."
    )


class ZgwForbiddenError(ZgwError):
    kind = "forbidden"
    template = (
        "{host} accepted the credentials but denies access (HTTP 403): the "
        "application lacks the authorisation (scope) for this API, or the "
        "clocks of both servers differ."
    )


class ZgwWrongApiError(ZgwError):
    kind = "wrong_api"
    template = (
        "The address {url} does not serve the expected {api} API: check the "
        "base URL (it usually ends in /api/v1)."
    )


class ZgwServerError(ZgwError):
    kind = "server"
    template = "{host} has an internal problem (HTTP {status}); try again later."


class ZgwRequestError(ZgwError):
    kind = "request"
    template = "{host} rejected the request (HTTP {status}): {detail}"


class ZgwVersionError(ZgwError):
    kind = "version"
    template = (
        "{host} serves API version {found}, but version {expected} is configured."
    )


class ZgwForeignUrlError(ZgwError):
    kind = "foreign_url"
    template = (
        "{host} returned a link to another server ({url}); it is not followed so "
        "the credentials stay with the configured service."
    )


class ZgwGoneError(ZgwError):
    kind = "gone"
    template = "{host} answers that {url} no longer exists (HTTP 404 or 410)."


class ZgwReferenceTakenError(ZgwError):
    kind = "reference_taken"
    template = (
        "{host} already holds another {resource} with referentienummer {number}: "
        "give this connection a reference prefix of its own."
    )
