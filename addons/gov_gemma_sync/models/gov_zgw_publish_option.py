from odoo import fields, models


class GovZgwPublishOption(models.Model):
    """A channel or party type that a Klantinteracties connection may publish.

    The records are data of this addon (one per contact-moment channel and per
    party type); administrators tick them on the connection.
    """

    _name = "gov.zgw.publish.option"
    _description = "What may be published to the Klantinteracties register"
    _order = "kind, sequence, id"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        [("channel", "Channel"), ("party_type", "Party type")], required=True
    )
    code = fields.Char(required=True, help="Channel or party type code.")
    sequence = fields.Integer(default=10)

    _code_unique = models.Constraint(
        "UNIQUE(kind, code)", "Each channel and party type is listed once."
    )
