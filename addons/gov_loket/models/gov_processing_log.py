from odoo import fields, models


def _keep(records):
    """The log is append-only: uninstalling the Loket keeps its lines as they
    are (write and unlink are refused on the log)."""


class GovProcessingLog(models.Model):
    """The Loket records a BSN from a question: a processing of its own."""

    _inherit = "gov.processing.log"

    activity = fields.Selection(
        selection_add=[("record_bsn", "BSN recorded from a question")],
        ondelete={"record_bsn": _keep},
    )
    origin = fields.Selection(
        selection_add=[("mail", "Incoming e-mail"), ("web_form", "Web form")],
        ondelete={"mail": _keep, "web_form": _keep},
    )
