from odoo import api, fields, models

from ..network_rules import (
    KNOWS_SCOPE_ALL,
    KNOWS_SCOPE_NONE,
    KNOWS_SCOPE_ORGANISATIONS,
)

# Without a stored choice, the front desk of the Loket (when installed) makes
# no "knows": a KCC employee answering a relation does not know it.
DEFAULT_EXCLUDED_GROUP = "gov_loket.group_front_desk"
NO_GROUP = "0"


class ResConfigSettings(models.TransientModel):
    """Which registered contacts make "colleague knows contact"."""

    _inherit = "res.config.settings"

    KNOWS_SCOPE_PARAM = "gov_network.knows_scope"
    KNOWS_EXCLUDED_GROUP_PARAM = "gov_network.knows_excluded_group_id"

    gov_knows_scope = fields.Selection(
        [
            (KNOWS_SCOPE_ORGANISATIONS, "Organisations and their people"),
            (KNOWS_SCOPE_ALL, "Every relation, citizens too"),
            (KNOWS_SCOPE_NONE, "None: only relations entered by hand"),
        ],
        string="Contacts that make 'knows'",
        default=KNOWS_SCOPE_ORGANISATIONS,
        config_parameter=KNOWS_SCOPE_PARAM,
        required=True,
        help="A registered contact moment makes its colleague 'know' the relation "
        "only for these relations. Citizens and persons without an organisation "
        "are left out by default: answering a citizen is not knowing them, and "
        "recording it would be personal data without a purpose (AVG).",
    )
    gov_knows_excluded_group_id = fields.Many2one(
        "res.groups",
        string="Colleagues who make no 'knows'",
        help="Contact moments registered by members of this group (the front desk) "
        "make no 'knows' relation. Empty: every colleague does.",
    )

    @api.model
    def _gov_knows_excluded_group(self):
        """The group whose contacts make no "knows" (an empty recordset: none)."""
        # sudo: reads one configuration value, nothing of the user's data.
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(self.KNOWS_EXCLUDED_GROUP_PARAM)
        )
        if value is None or value is False:
            group = self.env.ref(DEFAULT_EXCLUDED_GROUP, raise_if_not_found=False)
            return group.sudo() if group else self.env["res.groups"]
        group_id = int(value) if value.isdigit() else 0
        return self.env["res.groups"].sudo().browse(group_id).exists()

    @api.model
    def get_values(self):
        values = super().get_values()
        values["gov_knows_excluded_group_id"] = self._gov_knows_excluded_group().id
        return values

    def set_values(self):
        result = super().set_values()
        # sudo: settings are saved by administrators only (base.group_system).
        self.env["ir.config_parameter"].sudo().set_param(
            self.KNOWS_EXCLUDED_GROUP_PARAM,
            str(self.gov_knows_excluded_group_id.id or NO_GROUP),
        )
        return result
