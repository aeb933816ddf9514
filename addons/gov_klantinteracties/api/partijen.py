"""partijen: the relations of the address book (res.partner).

persoon = a person, organisatie = an organisation, contactpersoon = a person
who is a contact of an organisation (a child address with a parent company).
"""

from odoo.tools import html2plaintext

from . import identifiers, ids, partner_fields
from .errors import invalid
from .identifiers import identifier_domain, soort_domain
from .resource import Resource, boolean_filter, register, url_filter, uuid_filter


def soort_of(partner):
    if partner.is_company:
        return "organisatie"
    if partner.parent_id.is_company:
        return "contactpersoon"
    return "persoon"


@register
class Partijen(Resource):
    collection = "partijen"
    component = "Partij"
    kinds = ("partij",)

    @property
    def model(self):
        return self.env["res.partner"]

    def domain(self):
        unknown = self.env.ref(
            "gov_klantinteracties.partner_unknown_party", raise_if_not_found=False
        )
        # Addresses of a relation (invoice, delivery) are not partijen.
        domain = [("type", "=", "contact")]
        return domain + ([("id", "!=", unknown.id)] if unknown else [])

    def find(self, kind, record_id):
        found = self.model.with_context(active_test=False).search(
            [*self.domain(), ("id", "=", record_id)]
        )
        return found or None

    # -- lists ------------------------------------------------------------------

    def filter_domain(self, query):
        domain = []
        soort = query.pop("partijIdentificator__codeSoortObjectId", None)
        value = query.pop("partijIdentificator__objectId", None)
        objecttype = query.pop("partijIdentificator__codeObjecttype", None)
        register_ = query.pop("partijIdentificator__codeRegister", None)
        if soort or value or objecttype or register_:
            domain += identifier_domain(self.env, soort, value, objecttype, register_)
        sub = {
            k.split("__", 1)[1]: query.pop(k)
            for k in list(query)
            if k.startswith("subIdentificatorVan__")
        }
        if sub:
            # Establishments, by the kvk_nummer identificator they belong to.
            kvk_groep = identifiers.groep("kvk_nummer", sub.get("objectId"))
            if any(kvk_groep[k] != v for k, v in sub.items() if k != "objectId"):
                domain += [("id", "=", 0)]
            domain += [("establishment_number", "!=", False)]
            if sub.get("objectId"):
                kvk = sub["objectId"]
                domain += [
                    "|",
                    ("kvk_number", "=", kvk),
                    ("parent_id.kvk_number", "=", kvk),
                ]
        if "soortPartij" in query:
            domain += soort_domain(query.pop("soortPartij"))
        if "indicatieActief" in query:
            active = boolean_filter(query.pop("indicatieActief"))
            if active is not None:
                domain += [("active", "=", active)]
        if "indicatieGeheimhouding" in query:
            query.pop("indicatieGeheimhouding")
        if "nummer" in query:
            number = query.pop("nummer")
            domain += [("id", "=", int(number) if number.isdigit() else 0)]
        if "vertegenwoordigdePartij__uuid" in query:
            query.pop("vertegenwoordigdePartij__uuid")
            domain += [("id", "=", 0)]
        if "vertegenwoordigdePartij__url" in query:
            query.pop("vertegenwoordigdePartij__url")
            domain += [("id", "=", 0)]
        for name in list(query):
            if name.startswith(("bezoekadres", "correspondentieadres")):
                domain += address_domain(name, query.pop(name))
        if "categorierelatie__categorie__naam" in query:
            query.pop("categorierelatie__categorie__naam")
            domain += [("id", "=", 0)]  # no categories here: nothing matches
        return domain

    def search(self, query, offset, limit):
        domain = self.domain() + self.filter_domain(dict(query))
        model = self.model.with_context(active_test=False)
        count = model.search_count(domain)
        records = model.search(domain, offset=offset, limit=limit, order="id")
        return count, records

    # -- reading ----------------------------------------------------------------

    def serialize(self, partner):
        return self.serialize_page(partner)[0]

    def serialize_page(self, partners):
        values = identifiers.values_of(partners)
        adressen = self.other("digitaleadressen")
        betrokkenen = self.other("betrokkenen")
        moments = betrokkenen.moments_of(partners)
        result = []
        for partner in partners:
            uuid_ = ids.make_uuid("partij", partner.id)
            soort = soort_of(partner)
            own = values[partner.id]
            address_refs = [adressen.ref(u) for u in adressen.uuids_of(partner)]
            item = {
                "uuid": uuid_,
                "url": self.url(uuid_),
                "nummer": str(partner.id).zfill(10)[-10:],
                "interneNotitie": plain_text(partner.comment)[:1000],
                "betrokkenen": [
                    betrokkenen.ref(betrokkenen.uuid_of(m))
                    for m in moments.get(partner.id, [])
                ],
                "categorieRelaties": [],
                "digitaleAdressen": address_refs,
                "voorkeursDigitaalAdres": address_refs[0] if address_refs else None,
                "vertegenwoordigden": [],
                "rekeningnummers": [],
                "voorkeursRekeningnummer": None,
                "partijIdentificatoren": [
                    identifiers.serialize(self, partner, s, own[s], own)
                    for s in identifiers.IDENTIFIERS
                    if s in own
                ],
                "soortPartij": soort,
                "indicatieGeheimhouding": False,
                "voorkeurstaal": partner_fields.language_of(partner.lang),
                "indicatieActief": partner.active,
                "bezoekadres": partner_fields.adres_of(partner),
                "correspondentieadres": None,
                "partijIdentificatie": self.identificatie(partner, soort),
            }
            result.append(item)
        return result

    def identificatie(self, partner, soort):
        if soort == "organisatie":
            return {"naam": (partner.name or "")[:200]}
        naam = partner_fields.contactnaam_of(partner)
        identificatie = {"contactnaam": naam, "volledigeNaam": partner.name or ""}
        if soort == "contactpersoon":
            parent_uuid = ids.make_uuid("partij", partner.parent_id.id)
            identificatie = {
                "uuid": parent_uuid,
                "werkteVoorPartij": self.ref(parent_uuid),
                **identificatie,
            }
        return identificatie

    def expand(self, partner, names):
        expanded = {}
        if "digitaleAdressen" in names:
            adressen = self.other("digitaleadressen")
            expanded["digitaleAdressen"] = [
                adressen.serialize(a) for a in adressen.records_of(partner)
            ]
        if "betrokkenen" in names or "betrokkenen.hadKlantcontact" in names:
            betrokkenen = self.other("betrokkenen")
            moments = betrokkenen.moments_of(partner).get(partner.id, [])
            items = []
            for moment in moments:
                item = betrokkenen.serialize(moment)
                if "betrokkenen.hadKlantcontact" in names:
                    item["_expand"] = {
                        "hadKlantcontact": self.other("klantcontacten").serialize(
                            moment
                        )
                    }
                items.append(item)
            expanded["betrokkenen"] = items
        if "categorieRelaties" in names:
            expanded["categorieRelaties"] = []
        return expanded

    # -- writing ----------------------------------------------------------------

    def vals_of(self, body, partner=None):
        soort = body.get("soortPartij") or (partner and soort_of(partner))
        vals = {}
        if "interneNotitie" in body:
            vals["comment"] = body["interneNotitie"] or False
        if "indicatieActief" in body:
            vals["active"] = bool(body["indicatieActief"])
        if body.get("voorkeurstaal"):
            lang = partner_fields.lang_for(self.env, body["voorkeurstaal"])
            if lang:
                vals["lang"] = lang
        if "bezoekadres" in body:
            vals.update(partner_fields.address_vals(self.env, body["bezoekadres"]))
        identificatie = body.get("partijIdentificatie")
        if identificatie is not None or partner is None:
            identificatie = identificatie or {}
            if soort == "organisatie":
                name = (identificatie.get("naam") or "").strip()
                if not name:
                    raise invalid(
                        "partijIdentificatie.naam", "required", "Dit veld is vereist."
                    )
                vals.update(is_company=True, name=name)
            else:
                naam = identificatie.get("contactnaam") or {}
                if not (naam.get("achternaam") or "").strip():
                    raise invalid(
                        "partijIdentificatie.contactnaam.achternaam",
                        "required",
                        "Dit veld is vereist.",
                    )
                vals.update(is_company=False, **partner_fields.name_vals(naam))
                if soort == "contactpersoon":
                    vals["parent_id"] = self.organisation_of(identificatie)
                elif partner is not None and soort_of(partner) == "contactpersoon":
                    vals["parent_id"] = False
        if partner is None:
            vals.setdefault(
                "gov_party_type", "company" if soort == "organisatie" else "citizen"
            )
        return vals

    def organisation_of(self, identificatie):
        ref = identificatie.get("werkteVoorPartij") or {}
        parsed = ids.parse_kind(
            ref.get("uuid") or ids.uuid_from_url(ref.get("url")), "partij"
        )
        organisation = self.find(*parsed) if parsed else None
        if organisation is None or not organisation.is_company:
            raise invalid(
                "partijIdentificatie.werkteVoorPartij",
                "does_not_exist",
                "Ongeldige uuid - object bestaat niet of is geen organisatie.",
            )
        return organisation.id

    def identifier_vals(self, body, partner_id=0):
        vals = {}
        for index, item in enumerate(body.get("partijIdentificatoren") or []):
            soort, value = identifiers.check(item, f"partijIdentificatoren.{index}")
            field = identifiers.IDENTIFIERS[soort][0]
            if field in vals:
                raise invalid(
                    "__all__",
                    "unique",
                    "Een partij heeft maximaal één identificator van deze soort.",
                )
            identifiers.check_unique(self.env, soort, value, partner_id)
            vals[field] = value
        return vals

    def post(self, body):
        vals = self.vals_of(body)
        vals.update(self.identifier_vals(body))
        return self.model.create(vals)

    def put(self, partner, body, partial):
        if (
            body.get("soortPartij")
            and not partial
            and "partijIdentificatie" not in body
        ):
            raise invalid("partijIdentificatie", "required", "Dit veld is vereist.")
        vals = self.vals_of(body, partner)
        if (
            "partijIdentificatoren" in body
            and body["partijIdentificatoren"] is not None
        ):
            vals.update(self.identifier_vals(body, partner.id))
        partner.write(vals)
        return partner

    def remove(self, partner):
        partner.unlink()


def address_domain(name, value):
    part = name.split("dres", 1)[1]  # "Adresregel1", "Land", "NummeraanduidingId"
    field = {
        "Adresregel1": "street",
        "Adresregel2": "street2",
        "Adresregel3": "city",
        "Land": "country_id.code",
    }.get(part)
    if name.startswith("correspondentieadres") or not field:
        return [("id", "=", 0)]
    return [(field, "=ilike", value)]


def plain_text(html):
    return html2plaintext(html or "") if html else ""


__all__ = ["Partijen", "soort_of", "url_filter", "uuid_filter"]
