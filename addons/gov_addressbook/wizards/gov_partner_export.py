from odoo import fields, models

from ..privacy_export import build_access_request

EXPORT_PARTNER_FIELDS = (
    "name",
    "firstname",
    "lastname",
    "gov_party_type",
    "bsn",
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "country_id",
    "website",
    "function",
    "comment",
    "preferred_channel",
    "gov_do_not_contact",
    "gov_deceased",
    "create_date",
)
EXPORT_MOMENT_FIELDS = (
    "occurred_at",
    "channel",
    "direction",
    "subject",
    "summary",
    "confidentiality",
    "user_id",
)


class GovPartnerExport(models.TransientModel):
    """Inzageverzoek: hand a person all the data we hold about them."""

    _name = "gov.partner.export"
    _inherit = ["gov.privacy.request.mixin"]
    _description = "Export personal data (access request)"

    attachment_id = fields.Many2one("ir.attachment", string="File", readonly=True)

    def _read_values(self, records, field_names):
        names = [name for name in field_names if name in records._fields]
        rows = []
        for values in records.read(names):
            values.pop("id", None)
            for name, value in values.items():
                if isinstance(value, tuple):  # many2one: keep the display name
                    values[name] = value[1]
            rows.append(values)
        return rows

    def action_export(self):
        self.ensure_one()
        self._check_privacy_officer()
        # sudo: an access request must contain every personal field, the BSN and
        # all contact moments, whatever the officer's own groups; it is limited to
        # this one relation and logged below.
        partner = self.partner_id.sudo()
        moments = partner.contact_moment_ids
        content = build_access_request(
            self._read_values(partner, EXPORT_PARTNER_FIELDS)[0],
            self._read_values(moments, EXPORT_MOMENT_FIELDS),
            fields.Datetime.now(),
            self.env.user.name,
        )
        self.attachment_id = self.env["ir.attachment"].create(
            {
                "name": f"inzageverzoek-{partner.id}-{fields.Date.today()}.json",
                "raw": content,
                "mimetype": "application/json",
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        self.env["gov.processing.log"]._log_processing(
            self.partner_id,
            "access_request",
            [name for name in EXPORT_PARTNER_FIELDS if name in partner._fields],
            "privacy_tool",
            purpose="privacy_request",
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "new",
            "close": True,
        }
