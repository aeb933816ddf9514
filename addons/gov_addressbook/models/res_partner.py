from odoo import api, fields, models

from .gov_contact_moment import CHANNELS

PARTY_TYPES = [
    ("citizen", "Citizen"),
    ("company", "Company"),
    ("government", "Government"),
    ("press", "Press"),
    ("civil_society", "Civil society"),
    ("other", "Other"),
]


# Longest text a relation's fields take (see base_input_guard): generous for
# real names and addresses, a wall against 100 KB "names" from a form or RPC.
PARTNER_TEXT_LIMITS = {
    "name": 256,
    "firstname": 128,
    "lastname": 256,
    "email": 254,
    "phone": 64,
    "street": 256,
    "street2": 256,
    "city": 128,
    "zip": 16,
    "function": 128,
    "website": 1024,
    "ref": 64,
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    _gov_text_limits = PARTNER_TEXT_LIMITS

    gov_party_type = fields.Selection(
        PARTY_TYPES,
        string="Party type",
        index=True,
        tracking=True,
        help="What kind of relation this is for the organisation.",
    )
    bsn = fields.Char(
        string="BSN",
        groups="gov_addressbook.group_bsn_access",
        copy=False,
        help="Burgerservicenummer: personal data, visible only with BSN access.",
    )
    kvk_number = fields.Char(
        string="KvK number",
        index=True,
        copy=False,
        help="Chamber of Commerce, 8 digits.",
    )
    establishment_number = fields.Char(
        string="Establishment number",
        index=True,
        copy=False,
        help="KvK vestigingsnummer, 12 digits.",
    )
    rsin = fields.Char(
        string="RSIN", copy=False, help="Legal entities and partnerships, 9 digits."
    )
    oin = fields.Char(
        string="OIN", copy=False, help="Organisation identification number, 20 digits."
    )
    cbs_code = fields.Char(
        string="CBS code",
        index=True,
        copy=False,
        help="CBS code of a government: GM0363 (municipality), PV26 (province), "
        "WS0155 (water board).",
    )
    relationship_manager_id = fields.Many2one(
        "res.users",
        string="Relationship manager",
        index=True,
        tracking=True,
        help="The colleague who owns the relation with this party.",
    )
    preferred_channel = fields.Selection(
        CHANNELS, help="The channel this relation prefers to be contacted on."
    )
    gov_do_not_contact = fields.Boolean(
        string="Do not contact",
        tracking=True,
        help="Never approach this relation on our own initiative (mailings, "
        "campaigns, invitations). Answering their own questions is still allowed.",
    )
    gov_deceased = fields.Boolean(
        string="Deceased",
        tracking=True,
        help="The person has died: no outbound contact of any kind.",
    )
    contact_moment_ids = fields.One2many(
        "gov.contact.moment", "partner_id", string="Contact moments"
    )
    contact_moment_count = fields.Integer(compute="_compute_contact_moment_count")

    _bsn_unique = models.UniqueIndex("(bsn) WHERE bsn IS NOT NULL")
    _kvk_number_unique = models.UniqueIndex("(kvk_number) WHERE kvk_number IS NOT NULL")

    @api.depends("contact_moment_ids")
    def _compute_contact_moment_count(self):
        counts = dict(
            self.env["gov.contact.moment"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.contact_moment_count = counts.get(partner, 0)

    def _identifier_message(self, error):
        label = self._fields[error.field].get_description(self.env)["string"]
        messages = {
            "eleven_test": self.env._(
                "%(label)s is not valid: it must be 9 digits that pass the "
                "eleven test (elfproef).",
                label=label,
            ),
            "8_digits": self.env._(
                "%(label)s is not valid: it must be exactly 8 digits.", label=label
            ),
            "12_digits": self.env._(
                "%(label)s is not valid: it must be exactly 12 digits.", label=label
            ),
            "20_digits": self.env._(
                "%(label)s is not valid: it must be exactly 20 digits.", label=label
            ),
            "all_zeros": self.env._(
                "%(label)s is not valid: a number of only zeros is not issued.",
                label=label,
            ),
            "cbs_pattern": self.env._(
                "%(label)s is not valid: use GM followed by 4 digits (municipality), "
                "PV and 2 digits (province) or WS and 4 digits (water board).",
                label=label,
            ),
        }
        return messages[error.reason]

    @api.model
    def _gov_contactable_domain(self):
        """Domain of relations that outbound features may approach."""
        return [
            ("gov_do_not_contact", "=", False),
            ("gov_deceased", "=", False),
            ("gov_anonymised_at", "=", False),
            ("active", "=", True),
        ]

    def action_view_contact_moments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gov_addressbook.gov_contact_moment_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
