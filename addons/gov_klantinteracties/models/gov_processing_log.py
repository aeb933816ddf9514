from odoo import api, fields, models
from odoo.addons.gov_addressbook.server_context import server_flag

ORIGIN_API = "klantinteracties_api"


def _keep(records):
    """The log is append-only: uninstalling the API keeps its lines as they
    are (write and unlink are refused on the log)."""


class GovProcessingLog(models.Model):
    """Processings done through the Klantinteracties API name the calling
    application next to the application's user."""

    _inherit = "gov.processing.log"

    origin = fields.Selection(
        selection_add=[(ORIGIN_API, "Klantinteracties API")],
        ondelete={ORIGIN_API: _keep},
    )
    ki_application_id = fields.Many2one(
        "gov.ki.application",
        string="API application",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        help="The system that called the Klantinteracties API for this processing.",
    )

    @api.model
    def _log_processing(self, partners, activity, field_names, origin, purpose=None):
        # Set by the API controller with server_flags(), never by the caller.
        if _flag_application_id():
            origin = ORIGIN_API
        return super()._log_processing(
            partners, activity, field_names, origin, purpose=purpose
        )

    @api.model_create_multi
    def create(self, vals_list):
        # Lines are created only by _log_processing (in one batch, as sudo);
        # the application is added here because the log refuses write().
        application_id = _flag_application_id()
        if application_id:
            for vals in vals_list:
                vals["ki_application_id"] = application_id
        return super().create(vals_list)


def _flag_application_id():
    """The id of the API application the server is working for, or None."""
    application = server_flag("gov_ki_application")
    if isinstance(application, models.BaseModel):
        return application.id
    return application or None
