from odoo import fields, models

CERTIFICATION_PARAMETER = "gov_addressbook_certification.survey_id"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    gov_certification_survey_id = fields.Many2one(
        "survey.survey",
        string="Address-book certification",
        domain=[("certification", "=", True)],
        config_parameter=CERTIFICATION_PARAMETER,
        help="Employees who pass this certification are given reader access to the "
        "address book. Leave empty to grant access by hand only.",
    )
