from odoo import fields, models


class GovKiApplicationToken(models.TransientModel):
    """Shows a new key of an API application, once.

    The key arrives in the action's context (``default_api_key``) and lives
    only in the administrator's browser: the field is not stored, so the key
    is in no table (not even this wizard's) and cannot be shown again.
    """

    _name = "gov.ki.application.token"
    _description = "New key of an API application"

    application_id = fields.Many2one(
        "gov.ki.application", string="API application", readonly=True
    )
    api_key = fields.Char(string="Key", readonly=True, store=False)
