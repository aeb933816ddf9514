from odoo import fields, models
from odoo.exceptions import ValidationError

# Personal data cleared by anonymisation; fields missing from the registry
# (e.g. "mobile" without the phone addons) are skipped.
PERSONAL_FIELDS = (
    "firstname",
    "name_initials",
    "name_infix",
    "gov_formal_name",
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "bsn",
    "comment",
    "image_1920",
    "website",
    "function",
)


class ResPartner(models.Model):
    """Recht op vergetelheid: irreversible anonymisation of a relation."""

    _inherit = "res.partner"

    gov_anonymised_at = fields.Datetime(
        string="Anonymised on",
        readonly=True,
        copy=False,
        help="Set when the personal data of this relation was erased; personal "
        "fields can no longer be filled in.",
    )

    def _gov_personal_fields(self):
        """Names of the personal fields that anonymisation clears and that stay
        locked afterwards. Extend to add personal fields of other modules."""
        return [name for name in PERSONAL_FIELDS if name in self._fields]

    def write(self, vals):
        locked = set(self._gov_personal_fields()) | {"name", "lastname"}
        refilled = [name for name in locked if vals.get(name)]
        if refilled or "gov_anonymised_at" in vals:
            # sudo: only reads the anonymisation marker, which is not secret.
            anonymised = self.sudo().filtered("gov_anonymised_at")
            if anonymised:
                raise ValidationError(
                    self.env._(
                        "%(partner)s has been anonymised: its personal data "
                        "cannot be filled in again.",
                        partner=anonymised[0].display_name,
                    )
                )
        return super().write(vals)

    def _gov_anonymise(self):
        """Erase the personal data of these relations everywhere the registry
        of personal data knows (see ``res_partner_privacy``). Returns the
        report of what was erased. Call as superuser only after the caller
        checked the rights and the confirmation."""
        return self._gov_privacy_erase()

    def _gov_anonymise_relation(self):
        """Clear the personal fields of the relations themselves, without
        tracking (a tracking value would keep the old value)."""
        now = fields.Datetime.now()
        cleared = dict.fromkeys(self._gov_personal_fields(), False)
        no_tracking = self.with_context(tracking_disable=True, mail_notrack=True)
        for partner in no_tracking:
            label = self.env._("Anonymised relation #%(id)s", id=partner.id)
            vals = dict(cleared, gov_do_not_contact=True, gov_anonymised_at=now)
            if "lastname" in self._fields:
                vals["lastname"] = label
            else:
                vals["name"] = label
            partner.write(vals)
        # The name is computed from its parts: recompute it now, still without
        # tracking (a later flush would track the old name in another context).
        no_tracking.env.flush_all()
        no_tracking._track_discard()
        return True
