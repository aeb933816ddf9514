from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..zgw import StaticTokenAuth, ZgwClient, ZgwError, ZgwJwtAuth

API_TYPES = [
    ("zaken", "Zaken"),
    ("catalogi", "Catalogi"),
    ("klantinteracties", "Klantinteracties"),
    ("notificaties", "Notificaties"),
]


class GovZgwService(models.Model):
    _name = "gov.zgw.service"
    _description = "ZGW API connection"
    _order = "api_type, sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    api_type = fields.Selection(API_TYPES, string="API", required=True)
    base_url = fields.Char(
        string="Base URL",
        required=True,
        help="Root of the API, e.g. https://openzaak.example.nl/zaken/api/v1",
    )
    auth_type = fields.Selection(
        [("jwt", "ZGW JWT (client ID + secret)"), ("token", "Static token")],
        string="Authentication",
        required=True,
        default="jwt",
    )
    client_id = fields.Char(string="Client ID")
    secret = fields.Char(
        string="Secret key",
        groups="base.group_system",
        copy=False,
        help="JWT secret or API token. Only administrators can read it.",
    )
    callback_auth = fields.Char(
        string="Callback authorization",
        groups="base.group_system",
        copy=False,
        help="Notificaties only: the exact Authorization header value the "
        "Notificaties API sends to our webhook (e.g. 'Bearer <random secret>').",
    )
    abonnement_url = fields.Char(string="Subscription URL", readonly=True, copy=False)
    timeout = fields.Float(
        string="Timeout (seconds)", default=10.0, help="Per HTTP request."
    )
    api_version = fields.Char(
        string="API version",
        help="Expected API version (e.g. 1.5.1); the test compares the major "
        "version with the API-version header the server sends.",
    )

    @api.constrains("base_url", "timeout")
    def _check_base_url(self):
        for service in self:
            if not (service.base_url or "").startswith(("http://", "https://")):
                raise ValidationError(
                    self.env._("The base URL must start with http:// or https://.")
                )
            if service.timeout <= 0:
                raise ValidationError(self.env._("The timeout must be positive."))

    @api.model
    def _get_services(self, api_type):
        return self.search([("api_type", "=", api_type)])

    def _zgw_client(self):
        self.ensure_one()
        # sudo: the secret is needed to sign the request; it goes into the
        # Authorization header only and is never returned, shown or logged.
        secret = self.sudo().secret or ""
        user = self.env.user
        if self.auth_type == "token":
            auth = StaticTokenAuth(secret)
        else:
            auth = ZgwJwtAuth(self.client_id, secret, user.login, user.name)
        return ZgwClient(
            self.base_url, auth, self.api_type, self.timeout, self.api_version
        )

    def _zgw_clients(self):
        return [service._zgw_client() for service in self]

    def _check_credentials(self):
        for service in self:
            if not service.sudo().secret or (
                service.auth_type == "jwt" and not service.client_id
            ):
                raise ValidationError(
                    self.env._(
                        "The connection %(name)s has no client ID or secret.",
                        name=service.name,
                    )
                )

    def _error_message(self, error):
        """Translated human sentence for a ZgwError."""
        p = error.params
        _ = self.env._
        sentences = {
            "dns": lambda: _(
                "The host name %(host)s cannot be found (DNS): check the base URL "
                "for typos.",
                **p,
            ),
            "unreachable": lambda: _(
                "Nothing answers at %(host)s: the service is down or a firewall "
                "blocks the connection.",
                **p,
            ),
            "tls": lambda: _(
                "The secure connection (TLS) to %(host)s failed: the certificate "
                "is not trusted or the server does not speak HTTPS on this address.",
                **p,
            ),
            "timeout": lambda: _(
                "%(host)s did not answer within %(timeout)s seconds.", **p
            ),
            "unauthorized": lambda: _(
                "%(host)s refused the credentials (HTTP 401): check the client ID "
                "and secret or token.",
                **p,
            ),
            "forbidden": lambda: _(
                "%(host)s accepted the credentials but denies access (HTTP 403): "
                "the application lacks the authorisation (scope) for this API, or "
                "the clocks of both servers differ.",
                **p,
            ),
            "wrong_api": lambda: _(
                "The address %(url)s does not serve the expected %(api)s API: "
                "check the base URL (it usually ends in /api/v1).",
                **p,
            ),
            "server": lambda: _(
                "%(host)s has an internal problem (HTTP %(status)s); try again later.",
                **p,
            ),
            "request": lambda: _(
                "%(host)s rejected the request (HTTP %(status)s): %(detail)s", **p
            ),
            "version": lambda: _(
                "%(host)s serves API version %(found)s, but version %(expected)s is "
                "configured.",
                **p,
            ),
            "foreign_url": lambda: _(
                "%(host)s returned a link to another server (%(url)s); it is not "
                "followed so the credentials stay with the configured service.",
                **p,
            ),
        }
        if error.kind in sentences:
            return sentences[error.kind]()
        return str(error)

    def action_test_connection(self):
        self.ensure_one()
        try:
            self._check_credentials()
            version = self._zgw_client().check_connection()
        except (ZgwError, ValidationError) as error:
            message = (
                self._error_message(error)
                if isinstance(error, ZgwError)
                else error.args[0]
            )
            kind = "danger"
        else:
            message = self.env._(
                "Connection works: %(name)s answers with API version %(version)s.",
                name=self.name,
                version=version,
            )
            kind = "success"
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Test connection"),
                "message": message,
                "type": kind,
                "sticky": kind == "danger",
            },
        }
