from odoo import fields, models

from ..privacy_export import (
    EXPORT_PARTNER_FIELDS,
    build_access_request,
    build_archive,
    build_summary_html,
)


class GovPartnerExport(models.TransientModel):
    """Inzageverzoek: hand a person all the data we hold about them, from every
    place in the registry of personal data (see ``res_partner_privacy``)."""

    _name = "gov.partner.export"
    _inherit = ["gov.privacy.request.mixin"]
    _description = "Export personal data (access request)"

    attachment_id = fields.Many2one("ir.attachment", string="File", readonly=True)

    def _gov_export_places(self, found):
        """Read every place the registry found, in the citizen's language
        (Dutch when installed)."""
        lang = "nl_NL" if self.env["res.lang"]._lang_get("nl_NL") else None
        places = []
        for place, records in found:
            records = records.with_context(lang=lang) if lang else records
            names = [name for name in place.get("fields", []) if name in records]
            labels = {
                name: records._fields[name]._description_string(records.env)
                for name in names
            }
            rows = records.read(names) if names else [{} for _record in records]
            for row, record in zip(rows, records, strict=True):
                row["id"] = record.id
            places.append(
                {
                    "key": place["key"],
                    "label": place["label"],
                    "erase": place.get("erase", "keep"),
                    "legal_ground": place.get("legal_ground"),
                    "fields": labels,
                    "records": rows,
                }
            )
        return places

    def action_export(self):
        self.ensure_one()
        self._check_privacy_officer()
        # sudo: an access request must contain every place of personal data,
        # the BSN included, whatever the officer's own groups; it is limited to
        # this one relation and logged below.
        partner = self.partner_id.sudo()
        lang = "nl_NL" if self.env["res.lang"]._lang_get("nl_NL") else None
        found = partner.with_context(lang=lang)._gov_privacy_find()
        document = build_access_request(
            self._gov_export_places(found),
            fields.Datetime.now(),
            self.env.user.name,
        )
        files = [
            (f"{attachment.id}-{attachment.name}", attachment.raw or b"")
            for place, records in found
            if place["model"] == "ir.attachment"
            for attachment in records
            # earlier access requests are listed, not packed again
            if attachment.res_model != self._name
        ]
        archive = build_archive(document, build_summary_html(document), files)
        self.attachment_id = self.env["ir.attachment"].create(
            {
                "name": f"inzageverzoek-{partner.id}-{fields.Date.today()}.zip",
                "raw": archive,
                "mimetype": "application/zip",
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
