"""partij-identificatoren: the identifier fields of the relations."""

from . import identifiers, ids
from .errors import invalid
from .resource import Resource, register, search_union

GROUP_FILTERS = {
    "partijIdentificatorCodeObjecttype": 1,
    "partijIdentificatorCodeRegister": 2,
}


@register
class PartijIdentificatoren(Resource):
    collection = "partij-identificatoren"
    component = "PartijIdentificator"
    kinds = tuple(identifiers.KIND_OF.values())

    def partijen(self):
        return self.other("partijen")

    def find(self, kind, record_id):
        soort = identifiers.SOORT_OF[kind]
        if soort not in identifiers.soorten(self.env):
            return None
        partner = self.partijen().find("partij", record_id)
        if partner is None or soort not in identifiers.values_of(partner)[partner.id]:
            return None
        return soort, partner

    def slot_domain(self, soort, query):
        field, objecttype, register_, _digits = identifiers.IDENTIFIERS[soort]
        wanted = {
            "partijIdentificatorCodeObjecttype": objecttype,
            "partijIdentificatorCodeRegister": register_,
            "partijIdentificatorCodeSoortObjectId": soort,
        }
        for name, value in wanted.items():
            if name in query and query[name] != value:
                return None
        if query.get("anderePartijIdentificator"):
            return None
        domain = self.partijen().domain()
        if query.get("partijIdentificatorObjectId"):
            return [*domain, (field, "=", query["partijIdentificatorObjectId"])]
        if soort == "bsn":
            # Which relations have a BSN, without logging a search by BSN for
            # each of them: only the page read below is logged (as a read).
            # sudo: the subquery yields ids only; the user's own search
            # around it applies their record rules.
            with_bsn = (
                self.env["res.partner"]
                .sudo()
                .with_context(active_test=False)
                ._search([("bsn", "!=", False)])
            )
            return [*domain, ("id", "in", with_bsn)]
        return [*domain, (field, "!=", False)]

    def search(self, query, offset, limit):
        partners = self.env["res.partner"].with_context(active_test=False)
        parts = []
        for soort in identifiers.soorten(self.env):
            domain = self.slot_domain(soort, query)
            if domain is not None:
                parts.append((soort, partners, domain))
        return search_union(parts, offset, limit)

    def serialize(self, record):
        soort, partner = record
        values = identifiers.values_of(partner)[partner.id]
        return identifiers.serialize(
            self, partner, soort, values.get(soort, ""), values
        )

    # -- writing ----------------------------------------------------------------

    def partner_of(self, body):
        ref = body.get("identificeerdePartij") or {}
        parsed = ids.parse_kind(ref.get("uuid"), "partij")
        partner = self.partijen().find(*parsed) if parsed else None
        if partner is None:
            raise invalid(
                "identificeerdePartij",
                "does_not_exist",
                "Ongeldige uuid - object bestaat niet.",
            )
        return partner

    def post(self, body):
        partner = self.partner_of(body)
        soort, value = identifiers.check(body)
        if soort == "vestigingsnummer":
            identifiers.check_sub(body, partner)
        field = identifiers.IDENTIFIERS[soort][0]
        if soort in identifiers.values_of(partner)[partner.id]:
            raise invalid(
                "__all__",
                "unique",
                "Een partij heeft maximaal één identificator van deze soort.",
            )
        identifiers.check_unique(self.env, soort, value, partner.id)
        partner.write({field: value})
        return soort, partner

    def put(self, record, body, partial):
        soort, partner = record
        if "identificeerdePartij" in body and self.partner_of(body) != partner:
            raise invalid(
                "identificeerdePartij",
                "invalid",
                "Een identificator kan niet naar een andere partij.",
            )
        if "partijIdentificator" in body or not partial:
            new_soort, value = identifiers.check(body)
            if new_soort != soort:
                raise invalid(
                    "partijIdentificatorCodeSoortObjectId",
                    "invalid",
                    "De soort van een identificator kan niet veranderen.",
                )
            identifiers.check_unique(self.env, soort, value, partner.id)
            partner.write({identifiers.IDENTIFIERS[soort][0]: value})
        return record

    def remove(self, record):
        soort, partner = record
        if soort == "kvk_nummer" and (
            partner.establishment_number
            or partner.child_ids.filtered("establishment_number")
        ):
            raise invalid(
                "nonFieldErrors",
                "invalid",
                "Dit kvk_nummer heeft vestigingsnummers: verwijder die eerst.",
            )
        partner.write({identifiers.IDENTIFIERS[soort][0]: False})
