"""digitaleadressen: e-mail addresses and phone numbers.

A partij's addresses are its relation's e-mail and phone fields; addresses a
betrokkene gave at one contact (for the follow-up of a call-back request)
are kept on that contact moment. One address per kind and owner: a second
e-mail for the same relation is refused (Open Klant keeps a list).
"""

import re

from . import ids
from .errors import ApiError, invalid
from .identifiers import part_domain, soort_domain
from .resource import (
    Resource,
    boolean_filter,
    register,
    search_union,
    url_filter,
    uuid_filter,
)

# kind -> (model, field, soortDigitaalAdres, omschrijving, owner kind)
SLOTS = {
    "digitaal_adres_email": ("res.partner", "email", "email", "E-mail", "partij"),
    "digitaal_adres_phone": (
        "res.partner",
        "phone",
        "telefoonnummer",
        "Telefoon",
        "partij",
    ),
    "digitaal_adres_betrokkene_email": (
        "gov.contact.moment",
        "ki_party_email",
        "email",
        "E-mail",
        "betrokkene",
    ),
    "digitaal_adres_betrokkene_phone": (
        "gov.contact.moment",
        "ki_party_phone",
        "telefoonnummer",
        "Telefoon",
        "betrokkene",
    ),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$")
_PREMIUM = ("0900", "0906", "0909", "+31900", "+31906", "+31909", "0031900")


def check_adres(soort, adres):
    adres = (adres or "").strip()
    if soort == "email" and not _EMAIL.match(adres):
        raise invalid("adres", "invalid", "Voer een geldig e-mailadres in.")
    if soort == "telefoonnummer":
        digits = re.sub(r"[\s\-().]", "", adres)
        if not _PHONE.match(digits) or digits.startswith(_PREMIUM):
            raise invalid("adres", "invalid", "Voer een geldig telefoonnummer in.")
    return adres


@register
class DigitaleAdressen(Resource):
    collection = "digitaleadressen"
    component = "DigitaalAdres"
    kinds = tuple(SLOTS)

    # -- the addresses of one owner ---------------------------------------------

    def uuids_of(self, partner):
        return [
            ids.make_uuid(kind, partner.id)
            for kind, (model, field, *_rest) in SLOTS.items()
            if model == "res.partner" and partner[field]
        ]

    def records_of(self, owner):
        model = owner._name
        return [
            (kind, owner)
            for kind, (slot_model, field, *_rest) in SLOTS.items()
            if slot_model == model and owner[field]
        ]

    def find(self, kind, record_id):
        model, field, *_rest = SLOTS[kind]
        owner = (
            self.env[model]
            .with_context(active_test=False)
            .search([("id", "=", record_id), (field, "!=", False)])
        )
        return (kind, owner) if owner else None

    # -- lists ------------------------------------------------------------------

    def slot_domains(self, query):
        """{kind: domain} of the slots the filters leave, in list order."""
        query = dict(query)
        result = {}
        for kind, (_model, field, soort, omschrijving, owner) in SLOTS.items():
            domain = [(field, "!=", False)]
            ok = True
            for name, value in query.items():
                term = self.filter_term(
                    name, value, kind, field, soort, omschrijving, owner
                )
                if term is None:
                    ok = False
                    break
                domain += term
            if ok:
                result[kind] = domain
        return result

    def filter_term(self, name, value, kind, field, soort, omschrijving, owner):
        """The domain a filter adds to a slot; None when the slot cannot match."""
        if name == "adres":
            return [(field, "=", value)]
        if name == "adres__icontains":
            return [(field, "ilike", value)]
        if name == "soortDigitaalAdres":
            return [] if value == soort else None
        if name == "omschrijving":
            return [] if value == omschrijving else None
        if name == "referentie":
            return [] if value == "" else None
        if name in ("isStandaardAdres",):
            flag = boolean_filter(value)
            return [] if flag is None or flag == (owner == "partij") else None
        if name == "isGeverifieerd":
            # Nothing here is verified: "true" finds nothing, anything else
            # is ignored as Open Klant ignores an invalid boolean.
            return None if boolean_filter(value) is True else []
        if name.startswith("verificatieDatum"):
            return None
        if name.startswith("verstrektDoorPartij__"):
            if owner != "partij":
                return None
            return self.partij_term(name.split("__", 1)[1], value)
        if name.startswith("verstrektDoorBetrokkene__"):
            if owner != "betrokkene":
                return None
            key = name.split("__", 1)[1]
            if key == "rol":
                return [("ki_party_role", "=", value)]
            moment_id = (uuid_filter if key == "uuid" else url_filter)(
                value, name, "betrokkene"
            )
            return [("id", "=", moment_id)]
        return None

    def partij_term(self, key, value):
        if key in ("uuid", "url"):
            partner_id = (uuid_filter if key == "uuid" else url_filter)(
                value, f"verstrektDoorPartij__{key}", "partij"
            )
            return [("id", "=", partner_id)]
        if key == "soortPartij":
            return soort_domain(value)
        part = key.split("__", 1)[1]  # partijIdentificator__objectId -> objectId
        return part_domain(self.env, part, value)

    def search(self, query, offset, limit):
        parts = [
            (kind, self.env[SLOTS[kind][0]].with_context(active_test=False), domain)
            for kind, domain in self.slot_domains(query).items()
        ]
        return search_union(parts, offset, limit)

    # -- reading ----------------------------------------------------------------

    def serialize(self, record):
        kind, owner = record
        _model, field, soort, omschrijving, owner_kind = SLOTS[kind]
        uuid_ = ids.make_uuid(kind, owner.id)
        partij = betrokkene = None
        if owner_kind == "partij":
            partij = self.ref_in("partijen", ids.make_uuid("partij", owner.id))
        else:
            betrokkene = self.ref_in(
                "betrokkenen", ids.make_uuid("betrokkene", owner.id)
            )
        return {
            "uuid": uuid_,
            "url": self.url(uuid_),
            "verstrektDoorBetrokkene": betrokkene,
            "verstrektDoorPartij": partij,
            "adres": (owner[field] or "")[:80],
            "soortDigitaalAdres": soort,
            "isStandaardAdres": owner_kind == "partij",
            "omschrijving": omschrijving,
            "verificatieDatum": None,
        }

    def expand(self, record, names):
        kind, owner = record
        if "verstrektDoorBetrokkene" in names:
            if SLOTS[kind][4] == "betrokkene":
                return {
                    "verstrektDoorBetrokkene": self.other("betrokkenen").serialize(
                        owner
                    )
                }
            return {"verstrektDoorBetrokkene": None}
        return {}

    # -- writing ----------------------------------------------------------------

    def owner_of(self, body):
        partij = body.get("verstrektDoorPartij")
        betrokkene = body.get("verstrektDoorBetrokkene")
        if partij:
            parsed = ids.parse_kind(partij.get("uuid"), "partij")
            owner = self.other("partijen").find(*parsed) if parsed else None
            name = "verstrektDoorPartij"
        elif betrokkene:
            parsed = ids.parse_kind(betrokkene.get("uuid"), "betrokkene")
            owner = self.other("betrokkenen").find(*parsed) if parsed else None
            name = "verstrektDoorBetrokkene"
        else:
            raise invalid(
                "verstrektDoorPartij",
                "required",
                "Een digitaal adres hoort bij een partij of een betrokkene.",
            )
        if owner is None:
            raise invalid(
                name, "does_not_exist", "Ongeldige uuid - object bestaat niet."
            )
        return owner

    def slot_for(self, owner, soort):
        for kind, (model, _field, slot_soort, *_rest) in SLOTS.items():
            if model == owner._name and slot_soort == soort:
                return kind
        raise invalid(
            "soortDigitaalAdres",
            "invalid_choice",
            "Alleen e-mailadressen en telefoonnummers worden hier bewaard.",
        )

    def post(self, body):
        owner = self.owner_of(body)
        kind = self.slot_for(owner, body["soortDigitaalAdres"])
        field = SLOTS[kind][1]
        adres = check_adres(body["soortDigitaalAdres"], body.get("adres"))
        if owner[field]:
            raise ApiError(
                400,
                "invalid",
                invalid_params=[
                    {
                        "name": "soortDigitaalAdres",
                        "code": "unique",
                        "reason": "Deze partij heeft al een adres van deze soort; "
                        "wijzig dat adres (PUT/PATCH) of verwijder het eerst.",
                    }
                ],
            )
        owner.write({field: adres})
        return kind, owner

    def put(self, record, body, partial):
        kind, owner = record
        soort = body.get("soortDigitaalAdres", SLOTS[kind][2])
        if soort != SLOTS[kind][2]:
            raise invalid(
                "soortDigitaalAdres",
                "invalid",
                "De soort van een bestaand adres kan niet veranderen.",
            )
        if "adres" in body:
            owner.write({SLOTS[kind][1]: check_adres(soort, body["adres"])})
        return record

    def remove(self, record):
        kind, owner = record
        owner.write({SLOTS[kind][1]: False})
