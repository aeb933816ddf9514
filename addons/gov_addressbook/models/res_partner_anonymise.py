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
        """Erase the personal data of these relations. Call as superuser only
        after the caller checked the rights and the confirmation."""
        now = fields.Datetime.now()
        cleared = dict.fromkeys(self._gov_personal_fields(), False)
        no_tracking = self.with_context(tracking_disable=True)
        for partner in no_tracking:
            label = self.env._("Anonymised relation #%(id)s", id=partner.id)
            vals = dict(cleared, gov_do_not_contact=True, gov_anonymised_at=now)
            if "lastname" in self._fields:
                vals["lastname"] = label
            else:
                vals["name"] = label
            partner.write(vals)
        moments = no_tracking.contact_moment_ids
        moments.write({"subject": self.env._("Anonymised"), "summary": False})
        # Bank accounts are archived, never deleted (journal entries may point
        # to them), so their number and holder are scrubbed instead.
        for bank in self.with_context(active_test=False).bank_ids:
            bank.write(
                {
                    "acc_number": f"anonymised-{bank.id}",
                    "acc_holder_name": False,
                    "active": False,
                }
            )
        for model, ids in (("res.partner", self.ids), (moments._name, moments.ids)):
            self.env["mail.message"].search(
                [("model", "=", model), ("res_id", "in", ids)]
            ).unlink()
            self.env["mail.activity"].search(
                [("res_model", "=", model), ("res_id", "in", ids)]
            ).unlink()
        self.env["ir.attachment"].search(
            [("res_model", "=", "res.partner"), ("res_id", "in", self.ids)]
        ).unlink()
        return True
