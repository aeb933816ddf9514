import hashlib
import logging

import psycopg2

from odoo import api, fields, models

from ..zgw import ZgwError, ZgwGoneError
from ..zgw.zaken import CatalogueCache, fetch_zaak

_logger = logging.getLogger(__name__)
REQUIRED = ("kanaal", "hoofdObject", "resource", "resourceUrl", "actie", "aanmaakdatum")


class GovZgwNotification(models.Model):
    _name = "gov.zgw.notification"
    _description = "Notification received from the ZGW Notificaties API"
    _order = "id desc"
    _rec_name = "resource_url"

    kanaal = fields.Char(required=True, readonly=True)
    hoofd_object = fields.Char(string="Main object", required=True, readonly=True)
    resource = fields.Char(required=True, readonly=True)
    resource_url = fields.Char(string="Resource URL", required=True, readonly=True)
    actie = fields.Char(string="Action", required=True, readonly=True)
    aanmaakdatum = fields.Char(string="Created at (source)", readonly=True)
    dedupe_key = fields.Char(required=True, readonly=True)
    state = fields.Selection(
        [
            ("received", "Received"),
            ("processed", "Processed"),
            ("ignored", "Ignored"),
            ("failed", "Failed"),
        ],
        default="received",
        readonly=True,
    )
    error = fields.Char(readonly=True)
    service_id = fields.Many2one(
        "gov.zgw.service",
        string="Received through",
        readonly=True,
        ondelete="set null",
        help="The Notificaties connection whose callback secret the sender used.",
    )

    _dedupe_key_unique = models.Constraint(
        "UNIQUE(dedupe_key)", "This notification was already received."
    )

    @api.model
    def _dedupe_key_for(self, message):
        # Delivery is at-least-once: the same message may arrive again.
        raw = "|".join(
            str(message[key])
            for key in ("kanaal", "resourceUrl", "actie", "aanmaakdatum")
        )
        return hashlib.sha256(raw.encode()).hexdigest()

    @api.model
    def _receive(self, message, service=None):
        """Store a validated message once and queue its processing.

        Returns the new record, or an empty recordset for a duplicate.
        """
        key = self._dedupe_key_for(message)
        if self.search_count([("dedupe_key", "=", key)]):
            return self.browse()
        try:
            # Two simultaneous deliveries: the unique key lets one of them in.
            with self.env.cr.savepoint():
                notification = self.create(
                    {
                        "kanaal": message["kanaal"],
                        "hoofd_object": message["hoofdObject"],
                        "resource": message["resource"],
                        "resource_url": message["resourceUrl"],
                        "actie": message["actie"],
                        "aanmaakdatum": message["aanmaakdatum"],
                        "dedupe_key": key,
                        "service_id": service.id if service else False,
                    }
                )
                notification.flush_recordset()
        except psycopg2.errors.UniqueViolation:
            return self.browse()
        notification.with_delay(description="Process ZGW notification")._zgw_process()
        return notification

    def _zgw_process(self):
        """Job: act on the message according to its kanaal."""
        self.ensure_one()
        handler = {
            "zaken": self._zgw_process_zaken,
            "internetaken": self._zgw_process_internetaken,
        }.get(self.kanaal)
        if handler is None:
            # e.g. klantcontacten: accepted (we subscribe to it) but our own
            # contact moments are the source of truth, so nothing to do.
            self.state = "ignored"
            return "Nothing to do for this kanaal."
        return handler()

    def _zgw_process_zaken(self):
        """Re-fetch the zaak with our own credentials and update the mirror.

        Messages are information-poor and anyone holding the callback secret
        could send one, so even a ``destroy`` is checked with the Zaken API:
        the case is removed only when the API answers that it is gone (404 or
        410); otherwise it is kept, refreshed, and the notification is flagged.
        """
        zaak = self.env["gov.zaak"].search([("url", "=", self.hoofd_object)], limit=1)
        if not zaak:
            self.state = "ignored"
            return "Not a mirrored case."
        destroy = self.resource == "zaak" and self.actie == "destroy"
        Service = self.env["gov.zgw.service"]
        zaken_service = Service._get_service("zaken")
        if not zaken_service:
            return self._zgw_fail(
                self.env._("No Zaken API connection to check the case with; kept.")
            )
        catalogue = CatalogueCache(Service._get_services("catalogi")._zgw_clients())
        try:
            values = fetch_zaak(zaken_service._zgw_client(), catalogue, zaak.url)
        except ZgwGoneError:
            if not destroy:
                return self._zgw_fail(
                    self.env._(
                        "The Zaken API no longer has this case; it is removed "
                        "when its deletion is notified."
                    )
                )
            zaak.unlink()
            self.state = "processed"
            return "Case removed."
        except ZgwError as error:
            message = Service._error_message(error)
            if destroy:
                message = self.env._(
                    "Deletion not confirmed, the case was kept: %(reason)s",
                    reason=message,
                )
            return self._zgw_fail(message)
        if values is None:
            if destroy:
                return self._zgw_fail(
                    self.env._(
                        "The case belongs to another Zaken API; its deletion "
                        "cannot be checked, so it was kept."
                    )
                )
            self.state = "ignored"
            return "Case of another Zaken service."
        values.pop("url")
        notify = self.service_id.notify_relationship_manager
        zaak._zgw_apply_remote(values, notify_manager=notify)
        if destroy:
            return self._zgw_fail(
                self.env._(
                    "Deletion notified, but the Zaken API still has the case: "
                    "kept and refreshed."
                )
            )
        self.state = "processed"
        return zaak.status_description

    def _zgw_process_internetaken(self):
        """A task handed over from the Loket may have been completed remotely."""
        handover = self.env["gov.loket.handover"].search(
            [("zgw_internetaak_url", "=", self.hoofd_object)], limit=1
        )
        if not handover or self.actie == "destroy":
            self.state = "ignored"
            return "Not one of our tasks."
        try:
            done = handover._zgw_refresh_remote_status()
        except ZgwError as error:
            message = self.env["gov.zgw.service"]._error_message(error)
            return self._zgw_fail(message)
        self.state = "processed"
        return "Task completed." if done else "Task still open."

    def _zgw_fail(self, message):
        self.write({"state": "failed", "error": message})
        _logger.warning("ZGW notification %s failed: %s", self.id, message)
        return message
