from odoo import api, fields, models
from odoo.exceptions import UserError


class GovRetentionReport(models.Model):
    """Destruction report: one line per batch of the retention job.

    It says which rule destroyed or anonymised how many records of which
    period, when and by whom, and nothing about the persons. Lines are written
    only by the job and can be changed or deleted by nobody but the superuser.
    """

    _name = "gov.retention.report"
    _description = "Destruction report line"
    _order = "run_started desc, id desc"
    _rec_name = "rule_name"

    run_uuid = fields.Char(string="Run", readonly=True, index=True)
    run_started = fields.Datetime(string="Run started", readonly=True, index=True)
    user_id = fields.Many2one(
        "res.users", string="Run by", readonly=True, ondelete="restrict"
    )
    rule_id = fields.Many2one("gov.retention.rule", readonly=True, ondelete="set null")
    rule_name = fields.Char(string="Rule name", readonly=True)
    kind = fields.Char(string="Kind of record", readonly=True)
    action = fields.Selection(
        [("delete", "Deleted"), ("anonymise", "Anonymised")], readonly=True
    )
    term = fields.Char(readonly=True)
    cutoff = fields.Datetime(
        string="Term ended before",
        readonly=True,
        help="Records whose date lies before this moment had ended their term.",
    )
    record_count = fields.Integer(string="Records", readonly=True)
    date_from = fields.Datetime(string="Oldest date", readonly=True)
    date_to = fields.Datetime(string="Newest date", readonly=True)

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("The destruction report cannot be changed."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(self.env._("The destruction report cannot be deleted."))
        return super().unlink()

    @api.model
    def _gov_report(self, rule, count, date_from, date_to, run):
        kinds = rule._gov_retention_kind_map()
        unit = dict(rule._fields["term_unit"]._description_selection(self.env))
        # sudo: nobody has create rights on the report, so that lines only
        # come from the job; the values are counts and dates, no personal data.
        return self.sudo().create(
            {
                "run_uuid": run["uuid"],
                "run_started": run["started"],
                "user_id": self.env.uid,
                "rule_id": rule.id,
                "rule_name": rule.name,
                "kind": kinds[rule.kind]["label"],
                "action": rule.action,
                "term": f"{rule.term_value} {unit[rule.term_unit].lower()}",
                "cutoff": rule._gov_cutoff(run["today"]),
                "record_count": count,
                "date_from": date_from,
                "date_to": date_to,
            }
        )
