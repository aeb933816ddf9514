import hashlib
import hmac
import logging
import secrets
from datetime import timedelta

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# How often the "last used" date of an application is written at most: one
# small write per application per period, not one per API call.
LAST_USED_INTERVAL = timedelta(minutes=10)
# Keys are 40 hexadecimal characters; anything much longer is not a key.
MAX_KEY_LENGTH = 256


def _hash_key(key):
    return hashlib.sha256(key.encode()).hexdigest()


class GovKiApplication(models.Model):
    """A system that calls the Klantinteracties API (KISS, the ZAC, Open
    Formulieren), with its key (``Authorization: Token <key>``, as Open Klant
    does) and the Odoo user whose rights the API applies.

    Only the sha256 digest of the key is stored: the key itself is shown once,
    when it is made, and cannot be read back by anyone afterwards.
    """

    _name = "gov.ki.application"
    _description = "API application"
    _order = "name, id"

    name = fields.Char(required=True, help="The calling system, e.g. KISS.")
    user_id = fields.Many2one(
        "res.users",
        required=True,
        ondelete="restrict",
        domain="[('share', '=', False)]",
        help="The API runs with exactly this user's access rights and record "
        "rules: the confidentiality levels it may see, BSN access, which "
        "records it may change. Give each application a dedicated user with "
        "only the groups it needs, not a colleague's account.",
    )
    active = fields.Boolean(default=True)
    # The UNIQUE constraint below creates the btree index the key lookup uses.
    token_hash = fields.Char(
        string="Key digest",
        copy=False,
        readonly=True,
        groups="base.group_system",
    )
    token_hint = fields.Char(
        string="Key starts with",
        copy=False,
        readonly=True,
        help="The first characters of the current key, to recognise it.",
    )
    token_created_at = fields.Datetime(
        string="Key created on", copy=False, readonly=True
    )
    last_used_at = fields.Datetime(
        string="Last used",
        copy=False,
        readonly=True,
        help="The last time the application called the API (updated at most "
        "every ten minutes).",
    )
    note = fields.Text()

    _token_hash_unique = models.Constraint(
        "UNIQUE(token_hash)", "Two API applications cannot have the same key."
    )

    @api.constrains("user_id")
    def _check_user_id(self):
        for application in self:
            user = application.user_id
            if user.share or not user.active:
                raise ValidationError(
                    self.env._(
                        "The user of API application %(application)s must be an "
                        "active internal user, not a portal user or an archived "
                        "one.",
                        application=application.name,
                    )
                )

    def action_new_token(self):
        """Make a new key, store only its digest, and show the key once.

        The new key replaces the previous one at once: calls with the old key
        are refused from now on.
        """
        self.ensure_one()
        key = secrets.token_hex(20)
        self.write(
            {
                "token_hash": _hash_key(key),
                "token_hint": key[:6],
                "token_created_at": fields.Datetime.now(),
            }
        )
        # The key travels only in this answer to the administrator's browser
        # (the wizard's field is not stored): it is in no table, log or backup.
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New key"),
            "res_model": "gov.ki.application.token",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_application_id": self.id,
                "default_api_key": key,
            },
        }

    def action_revoke_token(self):
        """Withdraw the key: calls with it are refused from now on."""
        self.write({"token_hash": False, "token_hint": False})
        return True

    @api.model
    def _gov_authenticate(self, key):
        """The active application whose key is ``key`` (a sudo record), or an
        empty recordset.

        The API controller calls this before it knows any user; it then runs
        the request as the application's ``user_id``.
        """
        Application = self.browse()
        if not isinstance(key, str) or not key or len(key) > MAX_KEY_LENGTH:
            return Application
        digest = _hash_key(key)
        # sudo: the controller has no user yet, and nobody but administrators
        # may read applications. Nothing from the request reaches the domain
        # except the digest of the key, and only the matching application is
        # returned, never an archived one (whatever the caller's context).
        application = self.sudo().search(
            [("token_hash", "=", digest), ("active", "=", True)], limit=1
        )
        if not application or not hmac.compare_digest(application.token_hash, digest):
            return Application
        user = application.user_id
        # The user may have been archived or made a portal user after the
        # application was saved.
        if not user.active or user.share:
            return Application
        application._gov_mark_used()
        return application

    def _gov_mark_used(self):
        """Record the use of the key, at most once per LAST_USED_INTERVAL.

        A small write of its own that never fails the API call: when another
        call holds or just changed the row, this one simply skips it.
        """
        self.ensure_one()
        now = fields.Datetime.now()
        if self.last_used_at and now - self.last_used_at < LAST_USED_INTERVAL:
            return
        if getattr(self.env.cr, "readonly", False):
            return
        try:
            # Plain SQL, not write(): the controller has no user yet, and the
            # record's write date and author stay those of the administrator.
            with self.env.cr.savepoint(flush=False):
                # NOWAIT: never wait for a concurrent call that is updating the
                # same row (it holds the lock until its request ends).
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM %s WHERE id = %s FOR UPDATE NOWAIT",
                        SQL.identifier(self._table),
                        self.id,
                    ),
                    log_exceptions=False,  # an expected clash, not an error
                )
                self.env.cr.execute(
                    SQL(
                        "UPDATE %s SET last_used_at = %s WHERE id = %s",
                        SQL.identifier(self._table),
                        now,
                        self.id,
                    ),
                    log_exceptions=False,
                )
        except psycopg2.OperationalError as error:
            # Lock not available, or a serialization failure: a concurrent
            # call records the use.
            _logger.debug(
                "Last use of API application %s not recorded: %s", self.id, error
            )
        finally:
            self.invalidate_recordset(["last_used_at"])
