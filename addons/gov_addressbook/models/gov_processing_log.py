from psycopg2.errors import ReadOnlySqlTransaction

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..server_context import server_flag

ACTIVITIES = [
    ("read_bsn", "Read BSN"),
    ("search_bsn", "Search by BSN"),
    ("export", "Export"),
    ("access_request", "Access request (inzageverzoek)"),
    ("anonymise", "Anonymise"),
]

# Other addons extend this list with selection_add (e.g. service request handling).
PURPOSES = [
    ("relation_management", "Relation management"),
    ("service_request", "Service request handling"),
    ("privacy_request", "Privacy request"),
    ("other", "Other"),
]

ORIGINS = [
    ("form", "Form"),
    ("list", "List"),
    ("search", "Search"),
    ("export", "Export"),
    ("rpc", "RPC"),
    ("privacy_tool", "Privacy tool"),
]


class GovProcessingLog(models.Model):
    """Logboek Dataverwerkingen: one line per processing per data subject.

    Lines are written only through :meth:`_log_processing` and can never be
    changed, not even by the superuser; only the retention job deletes them at
    the end of their term.
    """

    _name = "gov.processing.log"
    _description = "Processing log line"
    _order = "occurred_at desc, id desc"
    _rec_name = "activity"

    user_id = fields.Many2one(
        "res.users", readonly=True, index=True, ondelete="restrict"
    )
    occurred_at = fields.Datetime(string="When", readonly=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Data subject",
        readonly=True,
        index=True,
        ondelete="set null",
        help="The relation whose personal data was processed.",
    )
    partner_ref = fields.Integer(
        string="Relation ID",
        readonly=True,
        help="Database ID of the data subject, kept when the relation is deleted.",
    )
    activity = fields.Selection(ACTIVITIES, required=True, readonly=True, index=True)
    purpose = fields.Selection(PURPOSES, required=True, readonly=True, index=True)
    fields_accessed = fields.Char(string="Fields accessed", readonly=True)
    origin = fields.Selection(ORIGINS, required=True, readonly=True)

    # Append-only (verwerkingenlogging): refusing is the whole method, no super().
    def write(self, vals):  # pylint: disable=method-required-super
        raise UserError(self.env._("The processing log cannot be changed."))

    def unlink(self):
        # Only the retention job may, at the end of the log's term.
        if not (self.env.su and server_flag("gov_retention")):
            raise UserError(self.env._("The processing log cannot be deleted."))
        return super().unlink()

    @api.model
    def _log_processing(self, partners, activity, field_names, origin, purpose=None):
        """Write one line per partner in ``partners`` (one line without subject
        when ``partners`` is empty), in a single batch create."""
        if getattr(self.env.cr, "readonly", False):
            # Reads called over RPC may run on a read-only cursor (replica). A
            # processing that cannot be logged must not happen: the HTTP layer
            # catches this error and serves the request again read/write.
            raise ReadOnlySqlTransaction("a processing of personal data must be logged")
        # Never from env.context: that is the caller's claim (see server_context).
        purpose = purpose or server_flag(
            "gov_processing_purpose", "relation_management"
        )
        if purpose not in self._fields["purpose"].get_values(self.env):
            purpose = "other"
        common = {
            "user_id": self.env.uid,
            "occurred_at": fields.Datetime.now(),
            "activity": activity,
            "purpose": purpose,
            "fields_accessed": ",".join(sorted(field_names)),
            "origin": origin,
        }
        subject_ids = partners.ids if partners else [False]
        vals_list = [
            dict(common, partner_id=pid, partner_ref=pid or 0) for pid in subject_ids
        ]
        # sudo: nobody has create rights on the log, so that lines can only come
        # from here; the values are built above from the current user and the
        # records they just processed, nothing is taken from the caller's input
        # except the activity/origin selection keys.
        return self.sudo().create(vals_list)
