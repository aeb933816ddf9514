from odoo import fields, models


class GovLoketHandover(models.Model):
    _inherit = "gov.loket.handover"

    ki_reference = fields.Char(
        string="Reference number",
        copy=False,
        index="btree_not_null",
        help="Referentienummer given by the system that registered this task "
        "through the Klantinteracties API (digits only, unique).",
    )
    ki_requested_action = fields.Char(
        string="Requested action",
        help="What the colleague is asked to do, as the Klantinteracties client "
        "wrote it (gevraagdeHandeling).",
    )
    ki_done_at = fields.Datetime(
        string="Done at", help="When the task was handled (afgehandeldOp)."
    )

    _ki_reference_unique = models.Constraint(
        "UNIQUE(ki_reference)",
        "This reference number is already used by another hand-over.",
    )
