from odoo import fields, models


class GovContactMoment(models.Model):
    """What a Klantinteracties client records about a contact that our own
    screens have no field for yet (klantcontact and its betrokkene)."""

    _inherit = "gov.contact.moment"

    ki_reference = fields.Char(
        string="Reference number",
        copy=False,
        index="btree_not_null",
        help="Referentienummer given by the system that registered this contact "
        "through the Klantinteracties API (digits only, unique).",
    )
    ki_succeeded = fields.Boolean(
        string="Contact made",
        default=True,
        help="Whether the contact actually took place (indicatieContactGelukt).",
    )
    ki_language = fields.Char(
        string="Language of the contact",
        size=3,
        default="nld",
        help="ISO 639-2/B code of the language the contact was in (taal).",
    )
    ki_reaction = fields.Text(
        string="Reaction",
        help="The reaction given to the relation during the contact (reactie).",
    )
    ki_further_action = fields.Boolean(
        string="Further action taken",
        help="Whether something was done after the contact (verdereActieOndernomen).",
    )
    ki_no_party = fields.Boolean(
        string="Without a party",
        help="Registered through the Klantinteracties API without a betrokkene: the "
        "relation is not known (yet).",
    )
    ki_party_name = fields.Char(
        string="Name as given",
        help="The name the person or organisation gave at the contact, as "
        "registered through the Klantinteracties API.",
    )
    ki_party_contactnaam = fields.Json(
        string="Name parts as given",
        help="The contactnaam (initials, first name, infix, last name) given at "
        "the contact, as registered through the Klantinteracties API.",
    )
    ki_channel_name = fields.Char(
        string="Channel as given",
        help="The channel (kanaal) as the Klantinteracties client named it, when "
        "it is not one of ours.",
    )
    ki_party_email = fields.Char(
        string="E-mail as given",
        help="E-mail address the party gave at this contact for the follow-up.",
    )
    ki_party_phone = fields.Char(
        string="Phone as given",
        help="Phone number the party gave at this contact for the follow-up.",
    )
    ki_party_role = fields.Selection(
        [("klant", "Customer"), ("vertegenwoordiger", "Representative")],
        string="Role of the party",
        default="klant",
    )
    ki_subject_ids = fields.One2many(
        "gov.contact.moment.subject", "moment_id", string="Subjects"
    )

    _ki_reference_unique = models.Constraint(
        "UNIQUE(ki_reference)",
        "This reference number is already used by another contact moment.",
    )
