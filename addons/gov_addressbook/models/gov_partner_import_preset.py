from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .. import relation_import


class GovPartnerImportPreset(models.Model):
    """Which column of an export means what, and what its "Soort" values mean.

    Shipped for a plain Dutch spreadsheet, PerfectView and Dynamics; managers
    edit them or add their own. Kept as text, one line per column name, so a
    functional administrator can paste a header row's names and fill in the
    right-hand side.
    """

    _name = "gov.partner.import.preset"
    _description = "Import preset"
    _order = "sequence, id"

    name = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    column_map = fields.Text(
        string="Columns",
        required=True,
        help="One line per column name: “Column name = field”. Fields: "
        + ", ".join(relation_import.TARGETS)
        + ". Case, spaces and accents in column names do not matter.",
    )
    kind_map = fields.Text(
        string="Kinds of relation",
        help="One line per value of the kind column (Soort): “Value = organisation, "
        "party type” or “Value = person, party type”; the party type may be left "
        "out. Party types: citizen, company, government, press, civil_society, "
        "other.",
    )

    @api.constrains("column_map", "kind_map")
    def _check_maps(self):
        for preset in self:
            _columns, bad = relation_import.parse_column_map(preset.column_map)
            _kinds, bad_kinds = relation_import.parse_kind_map(preset.kind_map)
            if bad or bad_kinds:
                raise ValidationError(
                    self.env._(
                        "Preset %(preset)s: the line “%(line)s” is not understood. "
                        "Write “Column name = field” (columns) or “Value = "
                        "organisation, company” (kinds).",
                        preset=preset.name,
                        line=(bad or bad_kinds)[0],
                    )
                )

    def _gov_column_map(self):
        self.ensure_one()
        return relation_import.parse_column_map(self.column_map)[0]

    def _gov_kind_map(self):
        self.ensure_one()
        return relation_import.parse_kind_map(self.kind_map)[0]

    @api.model
    def _gov_best_for(self, headers):
        """The active preset that recognises most of ``headers``."""
        keys = {relation_import.normalise_key(header) for header in headers}
        presets = self.search([])
        if not presets:
            return presets
        return max(
            presets,
            key=lambda preset: (
                len(keys & set(preset._gov_column_map())),
                -preset.sequence,
            ),
        )
