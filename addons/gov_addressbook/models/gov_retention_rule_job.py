"""The retention job: applies the rules in short batches.

Each batch runs in its own READ COMMITTED transaction, locks its records with
``FOR UPDATE SKIP LOCKED`` (a record that someone is editing is left for the
next run, nobody waits for us), deletes or anonymises them, writes its line of
the destruction report and commits. A job
stopped half-way has lost nothing: what it did is reported, the rest is found
again by the next run; a second run finds nothing left to do.
"""

import logging
import uuid

from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..server_context import server_flags
from .res_partner_privacy import QUIET

_logger = logging.getLogger(__name__)

BATCH_SIZE = 1000


class GovRetentionRule(models.Model):
    _inherit = "gov.retention.rule"

    @api.model
    def action_run_now(self):
        """Start the retention job now, in the background (it commits per
        batch, which a click in the web client must not do)."""
        self.check_access("write")
        # sudo: only schedules our own job; the access check above limits
        # this to privacy officers and functional administrators.
        self.env.ref("gov_addressbook.ir_cron_gov_retention").sudo()._trigger()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "The retention job starts in a moment; its lines appear in "
                    "the destruction report."
                ),
            },
        }

    @api.model
    def _cron_apply_retention(self):
        self._gov_apply_retention(
            commit=self.env["ir.cron"]._commit_progress, isolate=True
        )

    @api.model
    def _gov_apply_retention(
        self, today=None, batch_size=BATCH_SIZE, commit=None, isolate=False
    ):
        """Apply every active rule. ``commit(processed)`` ends each batch's
        transaction and returns the seconds left (0: stop now and let the next
        run go on); ``isolate`` runs each batch in READ COMMITTED (only when
        ``commit`` really commits). Returns ``{rule_id: records destroyed or
        anonymised}``."""
        today = today or fields.Date.context_today(self)
        run = {
            "uuid": uuid.uuid4().hex,
            "started": fields.Datetime.now(),
            "today": today,
        }
        done = {}
        for rule in self.search([]):
            count, stopped = rule._gov_apply_rule(
                today, batch_size, commit, run, isolate
            )
            done[rule.id] = count
            if stopped:
                break
        return done

    def _gov_apply_rule(self, today, batch_size, commit, run, isolate=False):
        """``(count, stopped)`` for this rule, batch by batch."""
        self.ensure_one()
        kind = self._gov_retention_kind_map()[self.kind]
        # sudo: the job runs for the organisation, not for a person; the rule
        # was written by a privacy officer or functional administrator and
        # only selects records of its own kind.
        Model = self.env[kind["model"]].sudo().with_context(**QUIET)
        date = self.date_field_id.name
        domain = self._gov_expired_domain(today)
        if isolate:
            commit(0)
        after = Domain.TRUE
        count = 0
        while True:
            if isolate:
                self._gov_read_committed()
            batch = Model.search(domain & after, order=f"{date}, id", limit=batch_size)
            if not batch:
                return count, False
            # Go on after this batch (keyset): rows skipped or kept below are
            # never read again in this run, however many there are.
            last = batch[-1]
            after = Domain(date, ">", last[date]) | (
                Domain(date, "=", last[date]) & Domain("id", ">", last.id)
            )
            locked = self._gov_lock(Model, batch.ids)
            # Checked again under the lock: changed since, it may not be due.
            records = Model.search(domain & Domain("id", "in", locked))
            if records:
                self._gov_destroy(kind, records, run)
                count += len(records)
            if commit and commit(len(records)) <= 0:
                return count, True

    @api.model
    def _gov_read_committed(self):
        """Run this batch's transaction in READ COMMITTED (the first statement
        after a commit). Under Odoo's REPEATABLE READ, locking a row that the
        front desk changed since the batch began fails the whole batch; under
        READ COMMITTED ``FOR UPDATE SKIP LOCKED`` takes the row as it is now,
        or skips it while someone holds it."""
        self.env.cr.execute(SQL("SET TRANSACTION ISOLATION LEVEL READ COMMITTED"))

    @api.model
    def _gov_lock(self, Model, ids):
        """The ids among ``ids`` that nobody else holds, now locked by us."""
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id = ANY(%s) FOR UPDATE SKIP LOCKED",
                SQL.identifier(Model._table),
                ids,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def _gov_destroy(self, kind, records, run):
        """Delete or anonymise ``records`` and report it, in one transaction."""
        to_datetime = fields.Datetime.to_datetime
        dates = [to_datetime(d) for d in records.mapped(self.date_field_id.name) if d]
        count = len(records)
        with server_flags(gov_retention=True):
            if self.action == "anonymise":
                self._gov_anonymise(kind, records)
            else:
                records.unlink()
            self.env["gov.retention.report"]._gov_report(
                self,
                count,
                min(dates) if dates else False,
                max(dates) if dates else False,
                run,
            )
        _logger.info("Retention rule %s: %s records, %s", self.id, count, self.action)

    def _gov_anonymise(self, kind, records):
        """Write the kind's anonymous values, and erase what hangs on the
        records: chatter, activities, attachments (files at once) and what the
        kind's ``scrub`` method names."""
        on_records = [("res_id", "in", records.ids)]
        self.env["mail.message"].sudo().search(
            [("model", "=", records._name), *on_records]
        ).unlink()
        self.env["mail.activity"].sudo().search(
            [("res_model", "=", records._name), *on_records]
        ).unlink()
        self.env["ir.attachment"].sudo().search(
            [("res_model", "=", records._name), *on_records]
        )._gov_unlink_now()
        records.write(kind["anonymise"])
        if kind.get("scrub"):
            getattr(self, kind["scrub"])(records)
