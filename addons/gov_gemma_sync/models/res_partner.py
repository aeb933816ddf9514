import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..zgw import ZgwError
from ..zgw.klantinteracties import contactnaam, find_or_create_partij
from ..zgw.zaken import CatalogueCache, fetch_party_zaken

_logger = logging.getLogger(__name__)
IDENTIFIER_FIELDS = {"bsn", "kvk_number", "establishment_number", "rsin"}


class ResPartner(models.Model):
    _inherit = "res.partner"

    zaak_ids = fields.Many2many(
        "gov.zaak",
        "gov_zaak_res_partner_rel",
        "partner_id",
        "zaak_id",
        string="Cases",
        readonly=True,
    )
    zaak_count = fields.Integer(string="Case count", compute="_compute_zaak_count")
    zaak_synced_at = fields.Datetime(
        string="Cases synchronised at", readonly=True, copy=False
    )
    zgw_partij_uuid = fields.Char(
        string="Klantinteracties partij",
        readonly=True,
        copy=False,
        help="UUID of the partij this relation was found or created as; saves "
        "a look-up per published contact moment. Cleared when an identifier "
        "changes.",
    )

    def write(self, vals):
        if "zaak_ids" in vals and not self.env.su:
            # A case is linked by the synchronisation only: the confidential-
            # case rule trusts these links (relationship manager of a case's
            # relation), so a user must not add a case to a relation they manage.
            raise AccessError(
                self.env._("Cases are linked to relations by the synchronisation only.")
            )
        if IDENTIFIER_FIELDS & set(vals):
            vals = dict(vals, zgw_partij_uuid=False)
        return super().write(vals)

    def _zgw_partij(self, client):
        """The partij of this relation in Klantinteracties (found or created)."""
        self.ensure_one()
        if self.zgw_partij_uuid:
            return {"uuid": self.zgw_partij_uuid}
        party = {"naam": self.name or "", "contactnaam": self._zgw_contactnaam()}
        partij = find_or_create_partij(client, self._gov_zaak_identifiers(), party)
        if partij:
            # sudo: a technical reference, written by the publication job
            # for whoever registered the contact.
            self.sudo().zgw_partij_uuid = partij["uuid"]
        return partij

    def _zgw_contactnaam(self):
        """Contactnaam from the Dutch name parts the address book keeps.

        voornaam = first names, voorvoegselAchternaam = the infix ("van der"),
        achternaam = the last name without infix. A name that was never split
        goes whole into achternaam.
        """
        self.ensure_one()
        if not self.lastname:
            return contactnaam(achternaam=self.name or "")
        return contactnaam(
            voorletters=self.name_initials or "",
            voornaam=self.firstname or "",
            voorvoegsel=self.name_infix or "",
            achternaam=self.lastname,
        )

    def _zgw_betrokkene_naam(self):
        """The name on the betrokkene: contactnaam of a person, or the name
        of an organisation."""
        self.ensure_one()
        if self.is_company:
            return self.name or ""
        return self._zgw_contactnaam()

    def _zgw_party_type(self):
        """The party type; without one a person counts as a citizen and an
        organisation as a company."""
        self.ensure_one()
        return self.gov_party_type or ("company" if self.is_company else "citizen")

    def _zgw_has_identifier(self):
        """True when Klantinteracties can identify the partij (BSN, KvK, RSIN)."""
        self.ensure_one()
        identifiers = self._gov_zaak_identifiers()
        return any(identifiers.get(key) for key in ("bsn", "kvk_number", "rsin"))

    @api.depends("zaak_ids")
    def _compute_zaak_count(self):
        for partner in self:
            partner.zaak_count = len(partner.zaak_ids)

    def _gov_zaak_identifiers(self):
        self.ensure_one()
        # sudo: the BSN is protected by a field group, but the case query needs
        # it. It is only sent to the configured Zaken API, never shown,
        # returned or logged.
        bsn = self.sudo().bsn if not self.is_company else False
        return {
            "bsn": bsn,
            "kvk_number": self.kvk_number,
            "establishment_number": self.establishment_number,
            "rsin": self.rsin,
        }

    def action_sync_zaken(self):
        """Fetch the cases of these relations from the Zaken API (upsert by URL)."""
        Zaak = self.env["gov.zaak"]
        Zaak.check_access("create")
        Zaak.check_access("write")
        Service = self.env["gov.zgw.service"]
        zaken_service = Service._get_service("zaken")
        if not zaken_service:
            raise UserError(self.env._("No Zaken API connection is configured."))
        catalogue_services = Service._get_services("catalogi")
        (zaken_service | catalogue_services)._check_credentials()
        zaken_client = zaken_service._zgw_client()
        catalogue = CatalogueCache(catalogue_services._zgw_clients())
        fetched = []
        for partner in self:
            identifiers = partner._gov_zaak_identifiers()
            if not any(identifiers.values()):
                raise UserError(
                    self.env._(
                        "%(name)s has no BSN, KvK number, establishment number or "
                        "RSIN to look up cases with.",
                        name=partner.display_name,
                    )
                )
            try:
                zaken = fetch_party_zaken(zaken_client, catalogue, identifiers)
            except ZgwError as error:
                raise UserError(
                    self.env._(
                        "Cases could not be synchronised; nothing was changed. "
                        "%(reason)s",
                        reason=Service._error_message(error),
                    )
                ) from None
            fetched.append((partner, zaken))
        # Write only after every request succeeded: a failure changes nothing.
        total = 0
        for partner, zaken in fetched:
            total += len(Zaak._upsert_from_zgw(zaken, partner))
        # sudo: only the technical sync timestamp is written, for relations
        # whose cases the user was just allowed to refresh.
        self.sudo().zaak_synced_at = fields.Datetime.now()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Cases synchronised"),
                "message": self.env._("%(count)s case(s) synchronised.", count=total),
                "type": "success",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _cron_sync_zaken(self, batch_size=100):
        """Refresh the relations whose cases were refreshed longest ago.

        A relation joins the rotation after its first manual refresh. A failing
        relation is logged (by id only: no identifiers) and skipped; it
        changes nothing, so the others still go through.
        """
        partners = self.search(
            [("zaak_synced_at", "!=", False)], order="zaak_synced_at", limit=batch_size
        )
        for partner in partners:
            try:
                partner.action_sync_zaken()
            except UserError as error:
                _logger.warning(
                    "Scheduled case sync of partner %s failed: %s",
                    partner.id,
                    error.args[0],
                )
        return len(partners)

    def action_view_zaken(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gov_gemma_sync.gov_zaak_action"
        )
        action["domain"] = [("partner_ids", "in", self.id)]
        return action
