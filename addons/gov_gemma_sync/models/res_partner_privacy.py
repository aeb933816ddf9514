from odoo import api, fields, models

from ..zgw.erasure import uuid_of
from .gov_contact_moment import UNPUBLISHED_STATES, cancel_publication


class ResPartner(models.Model):
    """The GEMMA places of personal data (see gov_addressbook's registry).

    Klantinteracties holds copies we published: the partij (with the BSN), its
    digitale adressen, its klantcontacten and interne taken. The anonymisation
    queues their erasure through the API (gov.zgw.erasure); without a
    connection the privacy officer's report lists them, to be erased there by
    hand. Local copies of cases lose the relation; a copy
    left without any relation is deleted (the case system keeps the case under
    its own archiving rules).
    """

    _inherit = "res.partner"

    @api.model
    def _gov_personal_data_places(self):
        _ = self.env._
        return [
            *super()._gov_personal_data_places(),
            {
                "key": "gov_gemma_sync.klantinteracties",
                "model": "res.partner",
                "label": _("Copies in Klantinteracties"),
                "find": "_gov_find_klantinteracties_copies",
                "fields": ["zgw_partij_uuid"],
                "erase": "custom",
                "eraser": "_gov_erase_klantinteracties_copies",
                "legal_ground": _(
                    "Erased in the Klantinteracties register through its API, "
                    "or by hand without a connection: see the list in the report."
                ),
            },
            {
                "key": "gov_gemma_sync.zaak",
                "model": "gov.zaak",
                "label": _("Cases"),
                "find": "partner_ids",
                "fields": [
                    "identificatie",
                    "omschrijving",
                    "zaaktype_description",
                    "status_description",
                    "startdatum",
                    "einddatum",
                ],
                "erase": "custom",
                "eraser": "_gov_erase_zaak_copies",
            },
        ]

    def _gov_anonymise_relation(self):
        """Publications of these relations still to be made are cancelled:
        a job queued before would otherwise recreate in the register what the
        anonymisation erases there (the job checks this too when it runs)."""
        moments = self.env["gov.contact.moment"].search(
            [("partner_id", "in", self.ids), ("zgw_state", "in", UNPUBLISHED_STATES)]
        )
        handovers = self.env["gov.loket.handover"].search(
            [
                ("ticket_id.partner_id", "in", self.ids),
                ("zgw_state", "in", UNPUBLISHED_STATES),
            ]
        )
        if moments:
            cancel_publication(moments)
        if handovers:
            cancel_publication(handovers)
        return super()._gov_anonymise_relation()

    def _zgw_is_anonymised(self):
        """True for an anonymised relation and for the relation that stands
        for nobody (retention moves anonymised records to it): nothing of
        theirs is published."""
        self.ensure_one()
        anonymous = self.env["gov.retention.rule"]._gov_anonymous_partner_id()
        return bool(self.gov_anonymised_at) or self.id == anonymous

    def _gov_find_klantinteracties_copies(self, place, found):
        """The relations with something published in Klantinteracties."""
        moments = self.env["gov.contact.moment"].search(
            [("partner_id", "in", self.ids), ("zgw_klantcontact_url", "!=", False)]
        )
        return self.filtered("zgw_partij_uuid") | moments.partner_id

    def _gov_erase_klantinteracties_copies(self, records, place):
        """Plan the erasure of the copies in the register (see
        gov.zgw.erasure): queued when a connection exists, else by hand. The
        anonymisation itself makes no call to the register."""
        Erasure = self.env["gov.zgw.erasure"]
        lines = Erasure.browse()
        for partner in records:
            copies = partner._gov_klantinteracties_copies()
            if copies:
                lines |= Erasure._gov_plan(partner.id, copies)
        return lines._gov_manual_lines()

    def _gov_klantinteracties_copies(self):
        """``(resource, uuid, url)`` of every copy we published for this
        relation: its partij, the klantcontacten of its contact moments and
        the interne taken of the hand-overs of its requests."""
        self.ensure_one()
        copies = []
        if self.zgw_partij_uuid:
            copies.append(("partij", self.zgw_partij_uuid, False))
        moments = self.env["gov.contact.moment"].search(
            [("partner_id", "=", self.id), ("zgw_klantcontact_url", "!=", False)]
        )
        copies += [
            ("klantcontact", uuid_of(url), url)
            for url in sorted(set(moments.mapped("zgw_klantcontact_url")))
        ]
        handovers = self.env["gov.loket.handover"].search(
            [
                ("ticket_id.partner_id", "=", self.id),
                ("zgw_internetaak_url", "!=", False),
            ]
        )
        copies += [
            ("internetaak", uuid_of(url), url)
            for url in sorted(set(handovers.mapped("zgw_internetaak_url")))
        ]
        return copies

    def _gov_erase_zaak_copies(self, records, place):
        """Unlink the relations; delete copies left without a relation and
        blank the description of the others (it may name the person). The case
        system is the source: the report says which cases to look at there."""
        records.write({"partner_ids": [fields.Command.unlink(p.id) for p in self]})
        orphans = records.filtered(lambda zaak: not zaak.partner_ids)
        shared = records - orphans
        shared.write({"omschrijving": False})
        orphans.unlink()
        return [
            self.env._(
                "Zaken-API: case %(case)s also concerns other relations; check "
                "the person's data there under the case system's own archiving "
                "rules.",
                case=zaak.identificatie or zaak.url,
            )
            for zaak in shared
        ]
