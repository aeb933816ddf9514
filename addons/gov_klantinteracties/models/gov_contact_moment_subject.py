from odoo import fields, models


class GovContactMomentSubject(models.Model):
    """What a contact was about, as a Klantinteracties onderwerpobject: an
    object in another register (a case in Open Zaak, a product) or another
    contact moment."""

    _name = "gov.contact.moment.subject"
    _description = "Subject of a contact moment"
    _order = "id"
    _rec_name = "object_id"

    moment_id = fields.Many2one(
        "gov.contact.moment",
        string="Contact moment",
        index=True,
        ondelete="cascade",
        help="The contact moment that was about this subject (klantcontact).",
    )
    was_moment_id = fields.Many2one(
        "gov.contact.moment",
        string="Is contact moment",
        index="btree_not_null",
        ondelete="set null",
        help="The subject is itself this contact moment (wasKlantcontact).",
    )
    object_type = fields.Char(
        string="Object type", help="What kind of object, e.g. zaak (codeObjecttype)."
    )
    register = fields.Char(
        help="The register that holds the object, e.g. open-zaak (codeRegister)."
    )
    id_kind = fields.Char(
        string="Kind of identifier", help="e.g. uuid (codeSoortObjectId)."
    )
    object_id = fields.Char(
        string="Object identifier",
        index="btree_not_null",
        help="The object's identifier in its register (objectId).",
    )
