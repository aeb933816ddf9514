from odoo import api, fields, models
from odoo.addons.gov_addressbook.models.gov_contact_moment import (
    CONFIDENTIALITY_LEVELS as CONFIDENTIALITY,
)
from odoo.fields import Domain

SYNC_FIELDS = (
    "identificatie",
    "omschrijving",
    "zaaktype",
    "zaaktype_description",
    "status",
    "status_description",
    "startdatum",
    "einddatum_gepland",
    "uiterlijke_einddatum_afdoening",
    "einddatum",
    "vertrouwelijkheidaanduiding",
)


class GovZaak(models.Model):
    _name = "gov.zaak"
    _description = "Case (zaak) in a ZGW case system"
    _order = "startdatum desc, id desc"
    _rec_name = "identificatie"

    url = fields.Char(string="URL", required=True, readonly=True, index=True)
    identificatie = fields.Char(string="Case number", index="trigram")
    omschrijving = fields.Char(string="Description")
    zaaktype = fields.Char(string="Case type URL", readonly=True)
    zaaktype_description = fields.Char(string="Case type")
    status = fields.Char(string="Status URL", readonly=True)
    status_description = fields.Char(string="Status")
    startdatum = fields.Date(string="Start date")
    einddatum_gepland = fields.Date(string="Planned end")
    uiterlijke_einddatum_afdoening = fields.Date(string="Final deadline")
    einddatum = fields.Date(string="End date")
    vertrouwelijkheidaanduiding = fields.Selection(
        CONFIDENTIALITY, string="Confidentiality"
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "gov_zaak_res_partner_rel",
        "zaak_id",
        "partner_id",
        string="Relations",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Open and past its final deadline (or planned end when there is "
        "no final deadline).",
    )
    synced_at = fields.Datetime(string="Last synchronised", readonly=True)
    contact_moment_ids = fields.One2many(
        "gov.contact.moment", "zaak_id", string="Contact moments"
    )

    _url_unique = models.Constraint("UNIQUE(url)", "A case with this URL exists.")

    @api.depends("einddatum", "uiterlijke_einddatum_afdoening", "einddatum_gepland")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for zaak in self:
            deadline = zaak.uiterlijke_einddatum_afdoening or zaak.einddatum_gepland
            zaak.is_overdue = bool(not zaak.einddatum and deadline and deadline < today)

    def _search_is_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = fields.Date.context_today(self)
        overdue = Domain("einddatum", "=", False) & (
            Domain("uiterlijke_einddatum_afdoening", "<", today)
            | (
                Domain("uiterlijke_einddatum_afdoening", "=", False)
                & Domain("einddatum_gepland", "<", today)
            )
        )
        if True in value:
            return overdue if False not in value else Domain.TRUE
        return ~overdue

    @api.model
    def _upsert_from_zgw(self, values_list, partner):
        """Create or update cases by URL and link them to ``partner``.

        The caller has checked create/write access. sudo: a confidential case
        the user may not see must still be found (or the URL would be created
        twice) and refreshed; nothing of it is returned to the user.
        """
        Zaak = self.sudo()
        now = fields.Datetime.now()
        existing = {
            zaak.url: zaak
            for zaak in Zaak.search([("url", "in", [v["url"] for v in values_list])])
        }
        to_create = []
        result = Zaak.browse()
        for values in values_list:
            vals = {key: values[key] for key in SYNC_FIELDS}
            vals.update(synced_at=now, partner_ids=[fields.Command.link(partner.id)])
            zaak = existing.get(values["url"])
            if zaak:
                zaak.write(vals)
                result |= zaak
            else:
                to_create.append({"url": values["url"], **vals})
        result |= Zaak.create(to_create)
        # A case the service no longer returns for this party loses the link
        # (it may still belong to other relations, so it is not deleted).
        gone = Zaak.search(
            [("partner_ids", "in", partner.id), ("id", "not in", result.ids)]
        )
        gone.write({"partner_ids": [fields.Command.unlink(partner.id)]})
        return result.with_env(self.env)
