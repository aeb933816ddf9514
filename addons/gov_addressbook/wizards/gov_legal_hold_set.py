from odoo import fields, models


class GovLegalHoldSet(models.TransientModel):
    """Put relations under a legal hold, with the reason."""

    _name = "gov.legal.hold.set"
    _description = "Set legal hold"

    partner_ids = fields.Many2many("res.partner", string="Relations", required=True)
    reason = fields.Text(
        required=True,
        help="Why nothing about these relations may be destroyed now, e.g. the "
        "court case, the objection or the Woo request.",
    )

    def action_apply(self):
        self.ensure_one()
        self.partner_ids._gov_set_legal_hold(self.reason)
        return {"type": "ir.actions.act_window_close"}
