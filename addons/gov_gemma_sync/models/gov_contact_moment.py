import logging

from odoo import api, fields, models
from odoo.addons.gov_addressbook.models.gov_contact_moment import (
    CONFIDENTIAL,
)
from odoo.addons.gov_addressbook.models.gov_contact_moment import (
    KANAAL_NAMES as KANAAL,
)
from odoo.addons.queue_job.job import identity_exact
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..zgw import (
    ZgwDnsError,
    ZgwError,
    ZgwServerError,
    ZgwTimeoutError,
    ZgwUnreachableError,
)
from ..zgw.klantinteracties import publish_klantcontact

_logger = logging.getLogger(__name__)

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
    ("cancelled", "Cancelled"),
]
# Publications not made yet: cancelled when their relation is anonymised.
UNPUBLISHED_STATES = ("pending", "retrying", "failed")


def lock_for_publication(records):
    """Lock the rows a publication job writes, before it calls the register.

    Anonymising their relation writes these rows too (it cancels them): it
    either waits for the job and is then retried (Odoo retries a request on a
    serialization failure) with the new copy to erase, or it went first and
    the job fails to lock, is retried by queue_job and sees the anonymisation.
    Without the lock, a job could publish a copy the anonymisation never
    learns of.
    """
    records.env.cr.execute(
        SQL(
            "SELECT id FROM %s WHERE id IN %s FOR UPDATE",
            SQL.identifier(records._table),
            tuple(records.ids),
        )
    )


def cancel_publication(records):
    """The relation was anonymised: these records are never published; a
    job that still runs for them does nothing."""
    message = records.env._("The relation was anonymised: not published.")
    # sudo: publication bookkeeping only; the anonymisation or the job that
    # was queued for these records cancels them.
    records.sudo().write({"zgw_state": "cancelled", "zgw_error": message})
    return message


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
    zgw_referentienummer = fields.Char(
        string="Referentienummer",
        readonly=True,
        copy=False,
        help="The number the klantcontact carries in the Klantinteracties "
        "register: our own, so a retry finds exactly this moment's klantcontact.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        moments = super().create(vals_list)
        service = self.env["gov.zgw.service"]._get_service("klantinteracties")
        if service:
            # Mass sends first, without a reason text: a mailing creates its
            # moments by the thousand.
            candidates = moments.filtered(
                lambda m: service.publish_bulk or not m.is_bulk
            )
            candidates.filtered(
                lambda m: not m._zgw_not_published_reason(service)
            )._zgw_enqueue()
        return moments

    def _zgw_not_published_reason(self, service):
        """Why this moment is not for the register (None: publish it).

        The selection is set on the Klantinteracties connection: channels,
        party types, mass sends and relations without identifier.
        """
        self.ensure_one()
        _ = self.env._
        if self._zgw_anonymised():
            return _("The relation was anonymised: not published.")
        # A case's own status change came from the case system: not sent back.
        if self.res_model == "gov.zaak":
            return _("A status change reported by the case system.")
        if self.is_bulk and not service.publish_bulk:
            return _("Part of a mass send.")
        if self.channel not in service.publish_channel_ids.mapped("code"):
            return _("This channel is not published.")
        # sudo: the party type and identifiers decide publication; nothing of
        # them is returned to the user.
        partner = self.partner_id.sudo()
        if partner._zgw_party_type() not in service.publish_party_type_ids.mapped(
            "code"
        ):
            return _("This party type is not published.")
        if not service.publish_unidentified and not partner._zgw_has_identifier():
            return _("The relation has no BSN, KvK number or RSIN.")
        return None

    def _zgw_enqueue(self, eta=None):
        """Queue the publication; without a Klantinteracties connection, skip."""
        if not self or not self.env["gov.zgw.service"]._get_service("klantinteracties"):
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

    def _zgw_anonymised(self):
        """True when the moment's relation was anonymised (or the moment was
        moved to the relation that stands for nobody)."""
        self.ensure_one()
        # sudo: only the anonymisation marker is read.
        return self.partner_id.sudo()._zgw_is_anonymised()

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

    def _zgw_publish(self, required=False):
        """Job: publish once as klantcontact + betrokkene (+ onderwerpobject).

        ``required``: the moment is published whatever the selection says,
        because something else needs its klantcontact (a hand-over's task).
        """
        self.ensure_one()
        lock_for_publication(self)
        if self.zgw_klantcontact_url:
            return "Already published."
        if self.zgw_state == "cancelled" or self._zgw_anonymised():
            # Queued before the relation was anonymised: nothing of it goes
            # to the register (whatever ``required`` says).
            return cancel_publication(self)
        service = self.env["gov.zgw.service"]._get_service("klantinteracties")
        if not service:
            return "No Klantinteracties connection."
        reason = not required and self._zgw_not_published_reason(service)
        if reason:
            # The selection changed after the moment was queued.
            # sudo: publication bookkeeping only (see _zgw_enqueue).
            self.sudo().zgw_state = False
            return reason
        # sudo: the name parts and identifiers go to the register only.
        partner = self.partner_id.sudo()
        zaak_uuid = (
            self.zaak_id.url.rstrip("/").rsplit("/", 1)[-1] if self.zaak_id else None
        )
        values = self._zgw_contact_values()
        try:
            values["referentienummer"] = (
                self.zgw_referentienummer or service._zgw_reference(self.id)
            )
            client = service._zgw_client()
            partij = partner.with_env(self.env)._zgw_partij(client)
            klantcontact = publish_klantcontact(
                client, partij, values, zaak_uuid, partner._zgw_betrokkene_naam()
            )
        except ZgwError as error:
            return self._zgw_failed(service, error)
        except ValidationError as error:
            return record_sync_failure(self, error.args[0], False, "contact moment")
        # sudo: publication bookkeeping only; the job may run for a user who
        # cannot edit a confidential moment registered by a colleague.
        self.sudo().write(
            {
                "zgw_state": "done",
                "zgw_klantcontact_url": klantcontact["url"],
                "zgw_referentienummer": values["referentienummer"],
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
        """Publish failed moments again (a fresh series of attempts).

        Returns the number of moments queued again (XML-RPC cannot carry None).
        """
        self.check_access("read")
        return len(retry_failed_publication(self))
