from odoo import models
from odoo.addons.queue_job.job import identity_exact

from .gov_loket_handover import OPEN_STATES


class HelpdeskTicket(models.Model):
    """A closed request completes the internetaken of its hand-overs."""

    _inherit = "helpdesk.ticket"

    def write(self, vals):
        res = super().write(vals)
        if vals.get("stage_id"):
            # Closed without answering through the Loket (e.g. dragged to a
            # closed stage): hand-overs still open here end in the case world.
            # Only tasks that exist remotely: an unpublished one is created
            # as verwerkt by its own publication, a failed one only by Retry.
            handovers = self.filtered("closed").handover_ids.filtered(
                lambda h: h.state in OPEN_STATES and h.zgw_internetaak_url
            )
            for handover in handovers:
                handover.with_delay(
                    identity_key=identity_exact,
                    description=f"Complete hand-over {handover.id}",
                )._zgw_close()
        return res
