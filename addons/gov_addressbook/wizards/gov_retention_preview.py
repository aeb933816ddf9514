from odoo import api, fields, models


class GovRetentionPreview(models.TransientModel):
    """Dry run: what the next run of the retention job would do, today.

    Counts and date ranges per rule, computed with the same selection as the
    job (legal holds, open requests and cases left out); nothing is changed.
    """

    _name = "gov.retention.preview"
    _description = "Retention dry run"

    line_ids = fields.One2many(
        "gov.retention.preview.line", "preview_id", string="Rules", readonly=True
    )
    total = fields.Integer(string="Records in total", readonly=True)

    @api.model
    def action_open(self):
        preview = self.create({})
        preview._gov_compute_lines(fields.Date.context_today(self))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Dry run: next retention run"),
            "res_model": self._name,
            "res_id": preview.id,
            "view_mode": "form",
            "target": "new",
        }

    def _gov_compute_lines(self, today):
        self.ensure_one()
        Rule = self.env["gov.retention.rule"]
        kinds = Rule._gov_retention_kind_map()
        lines = []
        for rule in Rule.search([]):
            kind = kinds[rule.kind]
            date = rule.date_field_id.name
            # sudo: counts and dates only, of the records the rule selects;
            # this wizard is open to privacy officers and functional
            # administrators (access rules), who may see these figures.
            Model = self.env[kind["model"]].sudo().with_context(active_test=False)
            [(count, oldest, newest)] = Model._read_group(
                rule._gov_expired_domain(today),
                [],
                ["__count", f"{date}:min", f"{date}:max"],
            )
            lines.append(
                {
                    "preview_id": self.id,
                    "rule_id": rule.id,
                    "action": rule.action,
                    "cutoff": rule._gov_cutoff(today),
                    "record_count": count,
                    "date_from": fields.Datetime.to_datetime(oldest),
                    "date_to": fields.Datetime.to_datetime(newest),
                }
            )
        self.env["gov.retention.preview.line"].create(lines)
        self.total = sum(line["record_count"] for line in lines)


class GovRetentionPreviewLine(models.TransientModel):
    _name = "gov.retention.preview.line"
    _description = "Retention dry run line"

    preview_id = fields.Many2one(
        "gov.retention.preview", required=True, ondelete="cascade"
    )
    rule_id = fields.Many2one("gov.retention.rule", readonly=True)
    kind = fields.Selection(related="rule_id.kind")
    action = fields.Selection(
        [("delete", "Delete"), ("anonymise", "Anonymise")], readonly=True
    )
    cutoff = fields.Datetime(string="Term ended before", readonly=True)
    record_count = fields.Integer(string="Records", readonly=True)
    date_from = fields.Datetime(string="Oldest date", readonly=True)
    date_to = fields.Datetime(string="Newest date", readonly=True)
