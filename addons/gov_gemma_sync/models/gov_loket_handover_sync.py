import logging

from odoo import api, fields, models
from odoo.addons.queue_job.job import identity_exact

from ..zgw import ZgwError
from ..zgw.internetaken import DONE, OPEN, get_internetaak
from .gov_loket_handover import OPEN_STATES

_logger = logging.getLogger(__name__)


class GovLoketHandover(models.Model):
    """Completion of an internetaak in the case world flows back to the Loket."""

    _inherit = "gov.loket.handover"

    def _zgw_refresh_remote_status(self):
        """Fetch the internetaak; mark the hand-over done when it is verwerkt.

        Returns True when the hand-over was completed by this call. Raises
        ZgwError when the service cannot be asked.
        """
        self.ensure_one()
        service = self._zgw_service()
        if not service or not self.zgw_internetaak_url:
            return False
        taak = get_internetaak(service._zgw_client(), self.zgw_internetaak_url)
        status = taak.get("status")
        # sudo: bookkeeping of the remote state only.
        self.sudo().write(
            {"zgw_status": status, "zgw_checked_at": fields.Datetime.now()}
        )
        if status != DONE or self.state not in OPEN_STATES:
            return False
        self._zgw_mark_remote_done()
        return True

    def _zgw_mark_remote_done(self):
        """The employee finished the task elsewhere (e.g. in the KCC tool)."""
        self.ensure_one()
        # zgw_status is already "verwerkt", so the write below queues no
        # PATCH back. sudo: hand-overs are history for users; only the state
        # of this hand-over moves forward, as the case system reports.
        self.sudo().write({"state": "done"})
        feedback = self.env._("Task completed in the case system.")
        # sudo: the to-do belongs to the employee, not to the job's user.
        self.activity_id.sudo().exists().action_feedback(feedback=feedback)
        self.ticket_id.sudo().message_post(
            body=self.env._(
                "%(user)s completed the task in the case system.",
                user=self.to_user_id.name,
            ),
            subtype_xmlid="mail.mt_note",
        )

    @api.model
    def _cron_zgw_sync_internetaken(self, batch_size=200):
        """Poll the open published tasks checked longest ago.

        Notifications can be lost (the standard advises a reconciliation
        poll); a failing service is skipped until the next run.
        """
        handovers = self.search(
            [
                ("zgw_internetaak_url", "!=", False),
                ("zgw_status", "=", OPEN),
                ("state", "in", OPEN_STATES),
            ],
            order="zgw_checked_at asc nulls first, id",
            limit=batch_size,
        )
        done = 0
        for handover in handovers:
            try:
                done += handover._zgw_refresh_remote_status()
            except ZgwError as error:
                # The service is down: the rest waits for the next run.
                message = self.env["gov.zgw.service"]._error_message(error)
                _logger.warning("Polling internetaken failed: %s", message)
                break
        # Finished here while the task was being created (or its completion
        # was lost): the task is still open remotely, so complete it now.
        finished = self.search(
            [
                ("zgw_internetaak_url", "!=", False),
                ("zgw_status", "=", OPEN),
                ("state", "not in", OPEN_STATES),
            ],
            order="zgw_checked_at asc nulls first, id",
            limit=batch_size,
        )
        for handover in finished:
            handover.with_delay(
                identity_key=identity_exact,
                description=f"Complete hand-over {handover.id}",
            )._zgw_close()
        return done
