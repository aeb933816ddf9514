import hashlib
import logging

from odoo import api, fields, models

from ..zgw import ZgwError
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
    def _receive(self, message):
        """Store a validated message once and queue its processing.

        Returns the new record, or an empty recordset for a duplicate.
        """
        key = self._dedupe_key_for(message)
        if self.search_count([("dedupe_key", "=", key)]):
            return self.browse()
        notification = self.create(
            {
                "kanaal": message["kanaal"],
                "hoofd_object": message["hoofdObject"],
                "resource": message["resource"],
                "resource_url": message["resourceUrl"],
                "actie": message["actie"],
                "aanmaakdatum": message["aanmaakdatum"],
                "dedupe_key": key,
            }
        )
        notification.with_delay(description="Process ZGW notification")._zgw_process()
        return notification

    def _zgw_process(self):
        """Job: re-fetch the zaak with our own credentials and update the mirror."""
        self.ensure_one()
        zaak = self.env["gov.zaak"].search([("url", "=", self.hoofd_object)], limit=1)
        if self.kanaal != "zaken" or not zaak:
            self.state = "ignored"
            return "Not a mirrored case."
        if self.resource == "zaak" and self.actie == "destroy":
            zaak.unlink()
            self.state = "processed"
            return "Case removed."
        Service = self.env["gov.zgw.service"]
        zaken_service = Service._get_services("zaken")[:1]
        catalogue = CatalogueCache(Service._get_services("catalogi")._zgw_clients())
        try:
            values = fetch_zaak(zaken_service._zgw_client(), catalogue, zaak.url)
        except ZgwError as error:
            self.write({"state": "failed", "error": Service._error_message(error)})
            _logger.warning("ZGW notification %s failed: %s", self.id, self.error)
            return self.error
        if values is None:
            self.state = "ignored"
            return "Case of another Zaken service."
        values.pop("url")
        zaak.write(dict(values, synced_at=fields.Datetime.now()))
        self.state = "processed"
        return zaak.status_description
