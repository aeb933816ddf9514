import logging

from odoo import api, fields, models
from odoo.addons.queue_job.job import identity_exact
from odoo.exceptions import ValidationError

from ..zgw import ZgwError
from ..zgw.internetaken import (
    DONE,
    OPEN,
    complete_internetaak,
    find_or_create_actor,
    publish_internetaak,
)
from .gov_contact_moment import (
    MAX_ATTEMPTS,
    SYNC_STATES,
    TRANSIENT,
    cancel_publication,
    lock_for_publication,
    record_sync_failure,
    retry_delay,
    retry_failed_publication,
)

_logger = logging.getLogger(__name__)
OPEN_STATES = ("pending", "accepted")


def zgw_datetime(value):
    return fields.Datetime.to_datetime(value).strftime("%Y-%m-%dT%H:%M:%SZ")


class GovLoketHandover(models.Model):
    """A hand-over becomes an internetaak in Klantinteracties, and back."""

    _inherit = "gov.loket.handover"

    zgw_state = fields.Selection(
        SYNC_STATES,
        string="Case system",
        readonly=True,
        copy=False,
        help="Publication of the hand-over as an internetaak.",
    )
    zgw_internetaak_url = fields.Char(
        string="Internetaak URL", readonly=True, copy=False, index="btree_not_null"
    )
    zgw_status = fields.Selection(
        [(OPEN, "To do"), (DONE, "Done")],
        string="Task status (remote)",
        readonly=True,
        copy=False,
    )
    zgw_error = fields.Char(string="Last error", readonly=True, copy=False)
    zgw_attempts = fields.Integer(string="Attempts", readonly=True, copy=False)
    zgw_checked_at = fields.Datetime(string="Last checked", readonly=True, copy=False)
    zgw_referentienummer = fields.Char(
        string="Referentienummer",
        readonly=True,
        copy=False,
        help="The number the internetaak carries in the Klantinteracties "
        "register (digits only, unique there).",
    )

    @api.model_create_multi
    def create(self, vals_list):
        handovers = super().create(vals_list)
        handovers._zgw_enqueue()
        return handovers

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") and vals["state"] not in OPEN_STATES:
            self._zgw_enqueue_close()
        return res

    # --- publication ------------------------------------------------------

    def _zgw_service(self):
        return self.env["gov.zgw.service"]._get_service("klantinteracties")

    def _zgw_request_moment(self):
        """The inbound contact moment of the request (its klantcontact)."""
        self.ensure_one()
        # sudo: the moment may be confidential for the job's user; only its
        # publication is used, to link the task to the right klantcontact.
        return (
            self.env["gov.contact.moment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "helpdesk.ticket"),
                    ("res_id", "=", self.ticket_id.id),
                    ("direction", "=", "inbound"),
                ],
                order="id",
                limit=1,
            )
        )

    def _zgw_enqueue(self, eta=None):
        """Queue the internetaak; skipped without a connection or klantcontact."""
        if not self or not self._zgw_service():
            return
        for handover in self.filtered(
            lambda h: h._zgw_request_moment() and not h._zgw_anonymised()
        ):
            # sudo: publication bookkeeping only; users cannot write hand-overs.
            handover.sudo().zgw_state = "retrying" if eta else "pending"
            handover.with_delay(
                eta=eta,
                identity_key=identity_exact,
                description=f"Publish hand-over {handover.id}",
            )._zgw_publish()

    def _zgw_enqueue_close(self):
        """Queue the completion of published tasks.

        A hand-over whose task is not created yet needs nothing: its
        publication creates the task as verwerkt. A failed one is not tried
        again by closing (only by Retry).
        """
        if not self._zgw_service():
            return
        for handover in self.filtered(
            lambda h: h.zgw_internetaak_url and h.zgw_status != DONE
        ):
            handover.with_delay(
                identity_key=identity_exact,
                description=f"Complete hand-over {handover.id}",
            )._zgw_close()

    def _zgw_anonymised(self):
        """True when the request's relation (or that of its contact moment)
        was anonymised: nothing of it goes to the register any more."""
        self.ensure_one()
        # sudo: only the anonymisation markers are read.
        partners = (
            self.ticket_id.partner_id | self._zgw_request_moment().partner_id
        ).sudo()
        return any(partner._zgw_is_anonymised() for partner in partners)

    def _zgw_is_finished(self):
        """Answered, sent back, handed on, or its request closed."""
        self.ensure_one()
        return self.state not in OPEN_STATES or self.ticket_id.closed

    def _zgw_task_values(self, service):
        self.ensure_one()
        ticket = self.ticket_id
        values = {
            "gevraagdeHandeling": self.env._(
                "Answer request %(number)s: %(name)s",
                number=ticket.number,
                name=ticket.name,
            ),
            "toelichting": self.note or "",
            # Digits only and unique on the server (Open Klant 2.16+).
            "referentienummer": (
                self.zgw_referentienummer or service._zgw_reference(self.id)
            ),
            "status": DONE if self._zgw_is_finished() else OPEN,
        }
        if values["status"] == DONE:
            values["afgehandeldOp"] = zgw_datetime(self.write_date)
        return values

    def _zgw_publish(self):
        """Job: create the internetaak once (after the request's klantcontact)."""
        self.ensure_one()
        lock_for_publication(self)
        if self.zgw_internetaak_url:
            return "Already published."
        if self.zgw_state == "cancelled" or self._zgw_anonymised():
            # Queued before the relation was anonymised (see
            # res.partner._gov_anonymise_relation): nothing is sent.
            return cancel_publication(self)
        service = self._zgw_service()
        moment = self._zgw_request_moment()
        if not service or not moment:
            return "No Klantinteracties connection or contact moment."
        if not moment.zgw_klantcontact_url:
            # The task needs its klantcontact, whatever the selection of
            # what is published says.
            moment._zgw_publish(required=True)
            if moment.zgw_state == "cancelled":
                return cancel_publication(self)
            if not moment.zgw_klantcontact_url:
                return self._zgw_failed(
                    moment.zgw_error, retry=moment.zgw_state != "failed"
                )
        user = self.to_user_id
        try:
            values = self._zgw_task_values(service)
            client = service._zgw_client()
            actor = find_or_create_actor(client, user.email or user.login, user.name)
            taak = publish_internetaak(
                client, moment.zgw_klantcontact_url, actor, values
            )
        except ZgwError as error:
            message = service._error_message(error)
            return self._zgw_failed(message, retry=isinstance(error, TRANSIENT))
        except ValidationError as error:
            return self._zgw_failed(error.args[0], retry=False)
        # sudo: publication bookkeeping only (see _zgw_enqueue).
        self.sudo().write(
            {
                "zgw_state": "done",
                "zgw_internetaak_url": taak["url"],
                "zgw_referentienummer": values["referentienummer"],
                "zgw_status": taak.get("status"),
                "zgw_error": False,
                "zgw_attempts": self.zgw_attempts + 1,
            }
        )
        if taak.get("status") != DONE and self._zgw_is_finished():
            # Finished here while the task was being created: complete it.
            return self._zgw_close()
        return taak["url"]

    def action_zgw_retry(self):
        """Publish failed hand-overs again; for those who may edit the request.

        Returns the number of hand-overs queued again (XML-RPC cannot carry
        None).
        """
        self.ticket_id.check_access("write")
        return len(retry_failed_publication(self))

    def _zgw_failed(self, message, retry):
        return record_sync_failure(self, message, retry, "hand-over")

    def _zgw_close(self):
        """Job: the hand-over ended here, so the internetaak is verwerkt."""
        self.ensure_one()
        if self.zgw_status == DONE or not self._zgw_is_finished():
            return "Nothing to complete."
        if not self.zgw_internetaak_url:
            # Never create the task from here: a waiting publication creates
            # it as verwerkt, and a failed one waits for Retry (closing the
            # request must not repeat a creation the server refused).
            return "Not published: nothing to complete."
        service = self._zgw_service()
        if not service:
            return "No Klantinteracties connection."
        try:
            taak = complete_internetaak(
                service._zgw_client(),
                self.zgw_internetaak_url,
                zgw_datetime(fields.Datetime.now()),
            )
        except ZgwError as error:
            message = service._error_message(error)
            attempts = self.zgw_attempts + 1
            # sudo: publication bookkeeping only (see _zgw_enqueue).
            self.sudo().write({"zgw_error": message, "zgw_attempts": attempts})
            if isinstance(error, TRANSIENT) and attempts < MAX_ATTEMPTS:
                self.with_delay(eta=retry_delay(attempts))._zgw_close()
            _logger.warning("Completing hand-over %s failed: %s", self.id, message)
            return message
        # sudo: publication bookkeeping only (see _zgw_enqueue).
        self.sudo().zgw_status = taak.get("status", DONE)
        return taak["url"]
