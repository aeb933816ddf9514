from odoo import api, fields, models
from odoo.exceptions import UserError


class GovSegmentAdd(models.TransientModel):
    """Add the relations selected in the address book to a static list."""

    _name = "gov.segment.add"
    _description = "Add to static list"

    segment_id = fields.Many2one(
        "gov.segment", string="Static list", help="Leave empty to start a new list."
    )
    new_segment_name = fields.Char(string="New list")
    partner_ids = fields.Many2many("res.partner", string="Relations")
    partner_count = fields.Integer(compute="_compute_partner_count")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "res.partner" and context.get("active_ids"):
            values["partner_ids"] = [fields.Command.set(context["active_ids"])]
        return values

    @api.depends("partner_ids")
    def _compute_partner_count(self):
        for wizard in self:
            wizard.partner_count = len(wizard.partner_ids)

    def action_add(self):
        self.ensure_one()
        if not self.partner_ids:
            raise UserError(self.env._("Select the relations to add first."))
        segment = self.segment_id
        if not segment:
            name = (self.new_segment_name or "").strip()
            if not name:
                raise UserError(
                    self.env._("Choose a static list or give the new list a name.")
                )
            segment = self.env["gov.segment"].create({"name": name})
        segment._add_partners(self.partner_ids)
        return {
            "type": "ir.actions.act_window",
            "res_model": "gov.segment",
            "res_id": segment.id,
            "view_mode": "form",
            "target": "current",
        }
