from datetime import timedelta

from odoo import api, fields, models

from .. import public_input

PARAM_LIMIT_PER_EMAIL = "gov_addressbook.public_form_limit_per_email"
PARAM_LIMIT_PER_CLIENT = "gov_addressbook.public_form_limit_per_client"
RATE_WINDOW = timedelta(hours=1)
KEEP_FOR = timedelta(days=7)


class GovPublicFormSubmission(models.Model):
    """One accepted post of a public form, kept only for its rate limit.

    Each public form counts its own posts (``scope``) per e-mail address and
    per client network address (see ``public_input.client_key``) over the last
    hour; the limits are settings. Only the e-mail address, the network address
    and the time are kept, and only for a week (autovacuum).
    """

    _name = "gov.public.form.submission"
    _description = "Public form submission"
    _order = "create_date desc, id desc"
    _rec_name = "email"

    scope = fields.Char(required=True, index=True, readonly=True)
    email = fields.Char(index=True, readonly=True)
    ip_address = fields.Char(
        string="Client address",
        index=True,
        readonly=True,
        help="The visitor's IPv4 address, or the /64 network of an IPv6 address.",
    )

    @api.model
    def _gov_rate_limits(self):
        """``(per_email, per_client)``: posts allowed per hour from one address."""
        # sudo: reads two non-secret settings; system parameters are admin-only.
        params = self.env["ir.config_parameter"].sudo()
        return (
            public_input.limit_value(
                params.get_param(PARAM_LIMIT_PER_EMAIL),
                public_input.DEFAULT_LIMIT_PER_EMAIL,
            ),
            public_input.limit_value(
                params.get_param(PARAM_LIMIT_PER_CLIENT),
                public_input.DEFAULT_LIMIT_PER_CLIENT,
            ),
        )

    @api.model
    def _gov_rate_limited(self, scope, email, client):
        """``"email"`` or ``"client"`` when that limit is reached this hour, else
        False. ``client`` is a key made by ``public_input.client_key``."""
        per_email, per_client = self._gov_rate_limits()
        recent = [
            ("scope", "=", scope),
            ("create_date", ">=", fields.Datetime.now() - RATE_WINDOW),
        ]
        if email:
            count = self.search_count([*recent, ("email", "=", email)], limit=per_email)
            if count >= per_email:
                return "email"
        if client:
            count = self.search_count(
                [*recent, ("ip_address", "=", client)], limit=per_client
            )
            if count >= per_client:
                return "client"
        return False

    @api.model
    def _gov_record(self, scope, email, client, **values):
        """Count one post of the form ``scope``."""
        return self.create(
            {"scope": scope, "email": email or False, "ip_address": client, **values}
        )

    @api.autovacuum
    def _gc_old_submissions(self):
        self.search([("create_date", "<", fields.Datetime.now() - KEEP_FOR)]).unlink()
