from odoo import api, fields, models
from odoo.tools import SQL

BATCH = 5000


class GovNetworkKnowsQueue(models.Model):
    """Pairs (employee, relation) whose "knows" relation must be brought up to
    date from their contact moments.

    Saving a contact moment only adds a row here (an insert never waits for
    another transaction); the cron applies the pairs in one batch. Applying
    them while saving made every colleague who talked to the same relation at
    the same moment fight over one row: under load the saves failed with
    "could not serialize access due to concurrent update", and the relation
    was created twice. Processing is idempotent (the figures are counted anew
    from all moments of the pair), so running it twice does no harm.
    """

    _name = "gov.network.knows.queue"
    _description = "Colleague-knows-contact update to apply"
    _log_access = False

    user_id = fields.Many2one("res.users", required=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade")

    @api.model
    def _gov_enqueue(self, pairs):
        """Queue ``{(user_id, partner_id)}`` and wake the cron."""
        if not pairs:
            return
        # sudo: nobody has rights on the queue; only ids of moments the user
        # just saved are written.
        self.sudo().create(
            [
                {"user_id": user_id, "partner_id": partner_id}
                for user_id, partner_id in pairs
            ]
        )
        cron = self.env.ref("gov_network.ir_cron_knows_queue", raise_if_not_found=False)
        if cron:
            cron.sudo()._trigger()

    @api.model
    def _cron_process(self):
        """Apply the queued pairs, a batch at a time; rows another run holds
        are skipped, not waited for."""
        self.env.cr.execute(
            SQL(
                "SELECT id, user_id, partner_id FROM %s ORDER BY id LIMIT %s "
                "FOR UPDATE SKIP LOCKED",
                SQL.identifier(self._table),
                BATCH,
            )
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return
        pairs = {(user_id, partner_id) for _id, user_id, partner_id in rows}
        self.env["gov.contact.moment"].sudo()._gov_apply_knows_pairs(pairs)
        self.browse([row[0] for row in rows]).sudo().unlink()
        if len(rows) == BATCH:
            self.env.ref("gov_network.ir_cron_knows_queue")._trigger()
