import logging
from datetime import timedelta

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..zgw import StaticTokenAuth, ZgwClient, ZgwError, ZgwJwtAuth
from ..zgw.erasure import COLLECTIONS

_logger = logging.getLogger(__name__)
# A success is written at most this often per connection: many jobs share
# the row, and its bookkeeping must not make them wait for each other.
SUCCESS_NOTE_INTERVAL = timedelta(minutes=1)

API_TYPES = [
    ("zaken", "Zaken"),
    ("catalogi", "Catalogi"),
    ("klantinteracties", "Klantinteracties"),
    ("notificaties", "Notificaties"),
]


class GovZgwService(models.Model):
    _name = "gov.zgw.service"
    _description = "ZGW API connection"
    _order = "api_type, is_default desc, sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    api_type = fields.Selection(API_TYPES, string="API", required=True)
    is_default = fields.Boolean(
        string="Default",
        copy=False,
        readonly=True,
        help="The connection used for this API. Exactly one active connection "
        "per API is the default; the first one of its API becomes it, another "
        "one only through 'Use this connection'. Archiving the default leaves "
        "the API without a connection until you choose a new one.",
    )
    last_success_at = fields.Datetime(string="Last success", readonly=True, copy=False)
    last_error_at = fields.Datetime(string="Last error at", readonly=True, copy=False)
    last_error = fields.Char(string="Last error", readonly=True, copy=False)
    last_call_failed = fields.Boolean(readonly=True, copy=False)
    health = fields.Selection(
        [("ok", "Working"), ("failing", "Failing"), ("unused", "Not used yet")],
        string="Status",
        compute="_compute_health",
        help="Working: the last call to this connection succeeded. Failing: the "
        "last call failed (see Last error). Not used yet: no call was made.",
    )
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

    _default_unique = models.UniqueIndex(
        "(api_type) WHERE is_default AND active",
        "Each API has only one default connection.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("is_default") and vals.get("active", True):
                self._check_no_default(vals.get("api_type"))
        services = super().create(vals_list)
        # The first active connection of an API becomes its default; any
        # later one only when an administrator says so.
        for service in services.filtered(lambda s: s.active and not s.is_default):
            if not self._get_service(service.api_type):
                service.is_default = True
        return services

    def write(self, vals):
        if vals.get("active") is False or "api_type" in vals:
            vals = dict(vals, is_default=False)
        elif vals.get("is_default"):
            for service in self:
                service._check_no_default(service.api_type, exclude=service)
        return super().write(vals)

    @api.model
    def _check_no_default(self, api_type, exclude=None):
        """Refuse a second default with a sentence (the unique index would
        refuse it too, but with a database error)."""
        other = self._get_service(api_type) - (exclude or self.browse())
        if other:
            raise ValidationError(
                self.env._(
                    "%(name)s is already the default %(api)s connection; use "
                    "'Use this connection' to switch.",
                    name=other.name,
                    api=dict(API_TYPES).get(api_type, api_type),
                )
            )

    def action_set_default(self):
        """Make this connection the one used for its API."""
        self.ensure_one()
        if not self.active:
            raise ValidationError(
                self.env._("An archived connection cannot be the default.")
            )
        others = self.search(
            [
                ("api_type", "=", self.api_type),
                ("is_default", "=", True),
                ("id", "!=", self.id),
            ]
        )
        others.is_default = False
        others.flush_recordset(["is_default"])
        self.is_default = True
        return True

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
        """Every active connection of this API (Catalogi URLs are resolved by
        the connection that owns them; a webhook call by its secret)."""
        return self.search([("api_type", "=", api_type)])

    @api.model
    def _get_service(self, api_type):
        """The default connection of this API: the one that is used."""
        return self.search(
            [("api_type", "=", api_type), ("is_default", "=", True)], limit=1
        )

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
            self.base_url,
            auth,
            self.api_type,
            self.timeout,
            self.api_version,
            observer=self._zgw_observer(),
        )

    def _gov_copy_url(self, resource, uuid):
        """The URL of a Klantinteracties copy we know by its uuid only."""
        self.ensure_one()
        return f"{self.base_url.rstrip('/')}/{COLLECTIONS[resource]}/{uuid}"

    def _zgw_observer(self):
        """Note the outcome of the client's requests on this connection."""
        self.ensure_one()
        noted = {"success": False}

        def observe(error):
            if error is None and noted["success"]:
                return
            noted["success"] = noted["success"] or error is None
            self._zgw_note_outcome(error)

        return observe

    @api.depends("last_success_at", "last_call_failed")
    def _compute_health(self):
        for service in self:
            if service.last_call_failed:
                service.health = "failing"
            elif service.last_success_at:
                service.health = "ok"
            else:
                service.health = "unused"

    def _zgw_note_outcome(self, error):
        """Write last success / last error without waiting for other jobs.

        The row is shared by every job of this connection: it is updated only
        when no other transaction holds it (SKIP LOCKED), and a concurrent
        update just skips this note instead of failing the job.
        """
        self.ensure_one()
        now = fields.Datetime.now()
        if error is None:
            assign = SQL("last_success_at = %s, last_call_failed = FALSE", now)
            # Noted at most once a minute, and always right after an error:
            # the status then says the connection works again.
            due = SQL(
                "(last_success_at IS NULL OR last_success_at < %s OR last_call_failed)",
                now - SUCCESS_NOTE_INTERVAL,
            )
        else:
            message = self._error_message(error)[:1000]
            assign = SQL(
                "last_error_at = %s, last_error = %s, last_call_failed = TRUE",
                now,
                message,
            )
            due = SQL("TRUE")
        if error is None:
            self._zgw_note_sql(self.env.cr, assign, due)
        else:
            # An error is noted in a transaction of its own: the caller's
            # transaction is often rolled back (a refused manual sync).
            with self.env.registry.cursor() as cr:
                self._zgw_note_sql(cr, assign, due)
        self.invalidate_recordset(
            [
                "last_success_at",
                "last_error_at",
                "last_error",
                "last_call_failed",
                "health",
            ]
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
            "gone": lambda: _(
                "%(host)s answers that %(url)s no longer exists (HTTP 404 or 410).",
                **p,
            ),
            "reference_taken": lambda: _(
                "%(host)s already holds another %(resource)s with referentienummer "
                "%(number)s: give this connection a reference prefix of its own.",
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

    def _zgw_note_sql(self, cr, assign, due):
        try:
            with cr.savepoint(flush=False):
                cr.execute(
                    SQL(
                        "SELECT id FROM gov_zgw_service WHERE id = %s AND %s "
                        "FOR UPDATE SKIP LOCKED",
                        self.id,
                        due,
                    )
                )
                if cr.fetchone():
                    cr.execute(
                        SQL(
                            "UPDATE gov_zgw_service SET %s WHERE id = %s",
                            assign,
                            self.id,
                        )
                    )
        except psycopg2.errors.SerializationFailure:
            _logger.debug("Outcome of connection %s not noted (busy).", self.id)

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
