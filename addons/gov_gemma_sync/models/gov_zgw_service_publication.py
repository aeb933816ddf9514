from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..zgw.klantinteracties import REFERENCE_DIGITS, reference_number

REFERENCE_PREFIX_MAX = 4


def _default_options(env, kind, codes):
    return env["gov.zgw.publish.option"].search(
        [("kind", "=", kind), ("code", "in", codes)]
    )


# Personal contacts on every channel belong in the register...
DEFAULT_CHANNELS = (
    "phone",
    "email",
    "counter",
    "letter",
    "chat",
    "whatsapp",
    "sms",
    "social",
    "web_form",
    "meeting",
    "other",
)
# ... for the parties a Klantinteracties register is about: residents and
# organisations identified by BSN, KvK number or RSIN. Press, government and
# other network contacts are relationship management, kept in Odoo.
DEFAULT_PARTY_TYPES = ("citizen", "company", "civil_society")


class GovZgwService(models.Model):
    """Klantinteracties connections: what is published, and its references."""

    _inherit = "gov.zgw.service"

    publish_channel_ids = fields.Many2many(
        "gov.zgw.publish.option",
        "gov_zgw_service_publish_channel_rel",
        "service_id",
        "option_id",
        string="Published channels",
        domain=[("kind", "=", "channel")],
        default=lambda self: _default_options(self.env, "channel", DEFAULT_CHANNELS),
        help="Klantinteracties only: contact moments on these channels are "
        "published as klantcontacten.",
    )
    publish_party_type_ids = fields.Many2many(
        "gov.zgw.publish.option",
        "gov_zgw_service_publish_party_type_rel",
        "service_id",
        "option_id",
        string="Published party types",
        domain=[("kind", "=", "party_type")],
        default=lambda self: _default_options(
            self.env, "party_type", DEFAULT_PARTY_TYPES
        ),
        help="Klantinteracties only: contact moments with relations of these "
        "party types are published. A relation without a party type counts as "
        "a citizen (a person) or a company (an organisation).",
    )
    publish_bulk = fields.Boolean(
        string="Publish mass sends per recipient",
        help="Klantinteracties only: also publish every recipient's contact "
        "moment of a mailing, press release, topic update or event invitation. "
        "Off by default: a mailing to 100,000 relations would be 100,000 "
        "klantcontacten.",
    )
    publish_unidentified = fields.Boolean(
        string="Publish relations without identifier",
        help="Klantinteracties only: also publish contact moments of relations "
        "without BSN, KvK number or RSIN. Their klantcontact gets a betrokkene "
        "with the name only and no partij (the standard allows a betrokkene "
        "without partij); no partij is created, because without an identifier "
        "it could never be found again and every contact would make a new one. "
        "A request handed over is published in any case, because its internal "
        "task needs the klantcontact.",
    )
    reference_prefix = fields.Char(
        string="Reference prefix",
        size=REFERENCE_PREFIX_MAX,
        help="Klantinteracties only: klantcontacten and internetaken made by "
        "Odoo carry a referentienummer of 10 digits, this prefix followed by the "
        "record number. Open Klant requires the numbers to be unique: give every "
        "system (and every Odoo database) that writes to the same Open Klant its "
        "own prefix, e.g. 1 for production and 9 for the test environment.",
    )

    @api.constrains("reference_prefix")
    def _check_reference_prefix(self):
        for service in self:
            prefix = service.reference_prefix or ""
            if not (prefix.isdigit() or not prefix) or (
                len(prefix) > REFERENCE_PREFIX_MAX
            ):
                raise ValidationError(
                    self.env._(
                        "The reference prefix consists of at most %(max)s digits.",
                        max=REFERENCE_PREFIX_MAX,
                    )
                )

    def _zgw_reference(self, record_id):
        """The referentienummer of our record ``record_id`` on this server."""
        self.ensure_one()
        try:
            return reference_number(self.reference_prefix, record_id)
        except ValueError:
            raise ValidationError(
                self.env._(
                    "Record %(id)s does not fit a referentienummer of %(digits)s "
                    "digits with the prefix %(prefix)s: shorten the prefix.",
                    id=record_id,
                    digits=REFERENCE_DIGITS,
                    prefix=self.reference_prefix,
                )
            ) from None
