import secrets

from odoo import fields, models
from odoo.exceptions import ValidationError

from ..zgw import ZgwError
from ..zgw.notificaties import REQUIRED_KANAAL, available_kanalen, subscribe

CALLBACK_ROUTE = "/gov_gemma_sync/notificaties"


class GovZgwService(models.Model):
    """Notificaties connections: the abonnement and what follows from it."""

    _inherit = "gov.zgw.service"

    kanalen = fields.Char(
        string="Subscribed kanalen", readonly=True, copy=False, help="Comma-separated."
    )
    notify_relationship_manager = fields.Boolean(
        string="Notify relationship managers",
        help="Notificaties only: when a case changes status or is closed, "
        "schedule a to-do for the relationship manager of each relation of the "
        "case.",
    )

    def action_subscribe(self):
        """Register the webhook for the zaken (and Klantinteracties) kanalen."""
        self.ensure_one()
        if self.api_type != "notificaties":
            raise ValidationError(
                self.env._("Only a Notificaties connection subscribes.")
            )
        if self.abonnement_url:
            return self._notify(
                self.env._("Already subscribed: %(url)s", url=self.abonnement_url),
                "info",
            )
        if not self.callback_auth:
            self.callback_auth = f"Bearer {secrets.token_urlsafe(32)}"
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url")
        try:
            self._check_credentials()
            client = self._zgw_client()
            kanalen = available_kanalen(client)
            if REQUIRED_KANAAL not in kanalen:
                raise ValidationError(
                    self.env._(
                        "The Notificaties API has no %(kanaal)s kanaal.",
                        kanaal=REQUIRED_KANAAL,
                    )
                )
            url = subscribe(
                client, base.rstrip("/") + CALLBACK_ROUTE, self.callback_auth, kanalen
            )
        except (ZgwError, ValidationError) as error:
            message = (
                self._error_message(error)
                if isinstance(error, ZgwError)
                else error.args[0]
            )
            return self._notify(message, "danger")
        self.write({"abonnement_url": url, "kanalen": ", ".join(kanalen)})
        return self._notify(
            self.env._("Subscribed to: %(kanalen)s", kanalen=self.kanalen), "success"
        )

    def _notify(self, message, kind):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.name,
                "message": message,
                "type": kind,
                "sticky": kind == "danger",
            },
        }
