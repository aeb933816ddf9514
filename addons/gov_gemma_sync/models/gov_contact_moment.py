import logging

from odoo import api, fields, models
from odoo.addons.queue_job.job import identity_exact

from ..zgw import (
    ZgwDnsError,
    ZgwError,
    ZgwServerError,
    ZgwTimeoutError,
    ZgwUnreachableError,
)
from ..zgw.klantinteracties import publish_klantcontact

_logger = logging.getLogger(__name__)

# Klantinteracties "kanaal" is free text; these are the Dutch names KCC tools use.
KANAAL = {
    "phone": "telefoon",
    "email": "e-mail",
    "counter": "balie",
    "letter": "brief",
    "chat": "chat",
    "whatsapp": "whatsapp",
    "sms": "sms",
    "social": "sociale media",
    "web_form": "webformulier",
    "meeting": "afspraak",
    "other": "overig",
}
CONFIDENTIAL = ("vertrouwelijk", "confidentieel", "geheim", "zeer_geheim")
TRANSIENT = (ZgwDnsError, ZgwServerError, ZgwTimeoutError, ZgwUnreachableError)
MAX_ATTEMPTS = 6


# Publication state of anything sent to the case world (contact moments, hand-overs).
def record_sync_failure(record, message, retry, what):
    """Note a failed publication on ``record`` and queue a retry while allowed.

    Shared by everything with the zgw_state / zgw_error / zgw_attempts fields.
    """
    attempts = record.zgw_attempts + 1
    retry = retry and attempts < MAX_ATTEMPTS
    # sudo: publication bookkeeping only, on a record the job was queued for.
    record.sudo().write(
        {
            "zgw_state": "retrying" if retry else "failed",
            "zgw_error": message,
            "zgw_attempts": attempts,
        }
    )
    if retry:
        record._zgw_enqueue(eta=retry_delay(attempts))
    _logger.warning("Publishing %s %s failed: %s", what, record.id, message)
    return message


def retry_failed_publication(records):
    """Start a fresh series of attempts for the records whose publication failed."""
    failed = records.filtered(lambda record: record.zgw_state == "failed")
    # sudo: publication bookkeeping only; the caller checked the user's rights.
    failed.sudo().write({"zgw_attempts": 0, "zgw_error": False})
    failed._zgw_enqueue()
    return failed


SYNC_STATES = [
    ("pending", "Waiting"),
    ("retrying", "Retrying"),
    ("done", "Published"),
    ("failed", "Failed"),
]


def retry_delay(attempt):
    """Back-off in seconds after failed attempt ``attempt`` (1, 4, 16... min)."""
    return 60 * 4 ** (attempt - 1)


class GovContactMoment(models.Model):
    _inherit = "gov.contact.moment"

    zaak_id = fields.Many2one(
        "gov.zaak",
        string="Case",
        index="btree_not_null",
        domain="[('partner_ids', 'in', partner_id)]",
        help="The case this contact was about; the case system hears of it.",
    )
    zgw_state = fields.Selection(
        SYNC_STATES,
        string="Case system",
        readonly=True,
        copy=False,
        help="Publication to the Klantinteracties API.",
    )
    zgw_klantcontact_url = fields.Char(
        string="Klantcontact URL", readonly=True, copy=False
    )
    zgw_error = fields.Char(string="Last error", readonly=True, copy=False)
    zgw_attempts = fields.Integer(string="Attempts", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        moments = super().create(vals_list)
        # A case's own status change came from the case system: not sent back.
        moments.filtered(lambda m: m.res_model != "gov.zaak")._zgw_enqueue()
        return moments

    def _zgw_enqueue(self, eta=None):
        """Queue the publication; without a Klantinteracties connection, skip."""
        if not self or not self.env["gov.zgw.service"]._get_services(
            "klantinteracties"
        ):
            return
        # sudo: only the publication bookkeeping of moments the user just
        # registered (or may retry) is written.
        self.sudo().zgw_state = "pending" if not eta else "retrying"
        for moment in self:
            # identity_exact: a second click or a retry while a job waits adds
            # no second job that could publish the same moment twice.
            moment.with_delay(
                eta=eta,
                identity_key=identity_exact,
                description=f"Publish contact moment {moment.id}",
            )._zgw_publish()

    def _zgw_contact_values(self):
        self.ensure_one()
        occurred = fields.Datetime.to_datetime(self.occurred_at)
        return {
            "kanaal": KANAAL.get(self.channel, "overig"),
            "onderwerp": self.subject,
            "inhoud": self.summary or "",
            "vertrouwelijk": self.confidentiality in CONFIDENTIAL,
            "plaatsgevondenOp": occurred.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "initiator": self.direction == "inbound",
        }

    def _zgw_publish(self):
        """Job: publish once as klantcontact + betrokkene (+ onderwerpobject)."""
        self.ensure_one()
        if self.zgw_klantcontact_url:
            return "Already published."
        service = self.env["gov.zgw.service"]._get_services("klantinteracties")[:1]
        if not service:
            return "No Klantinteracties connection."
        partner = self.partner_id
        zaak_uuid = (
            self.zaak_id.url.rstrip("/").rsplit("/", 1)[-1] if self.zaak_id else None
        )
        try:
            client = service._zgw_client()
            partij = partner._zgw_partij(client)
            klantcontact = publish_klantcontact(
                client, partij, self._zgw_contact_values(), zaak_uuid
            )
        except ZgwError as error:
            return self._zgw_failed(service, error)
        # sudo: publication bookkeeping only; the job may run for a user who
        # cannot edit a confidential moment registered by a colleague.
        self.sudo().write(
            {
                "zgw_state": "done",
                "zgw_klantcontact_url": klantcontact["url"],
                "zgw_error": False,
                "zgw_attempts": self.zgw_attempts + 1,
            }
        )
        return klantcontact["url"]

    def _zgw_failed(self, service, error):
        message = service._error_message(error)
        retry = isinstance(error, TRANSIENT)
        return record_sync_failure(self, message, retry, "contact moment")

    def action_zgw_retry(self):
        """Publish failed moments again (a fresh series of attempts)."""
        self.check_access("read")
        retry_failed_publication(self)
