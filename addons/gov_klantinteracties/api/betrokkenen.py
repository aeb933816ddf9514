"""betrokkenen: who a contact moment was with. Each contact moment has one
betrokkene: its relation (wasPartij) with the name given at the contact;
a moment registered through the API without one has none until a client
adds it."""

from . import ids, partner_fields
from .errors import invalid
from .identifiers import partners_with
from .resource import Resource, register, url_filter, uuid_filter


@register
class Betrokkenen(Resource):
    collection = "betrokkenen"
    component = "Betrokkene"
    kinds = ("betrokkene",)

    @property
    def model(self):
        return self.env["gov.contact.moment"]

    def unknown(self):
        return self.env.ref("gov_klantinteracties.partner_unknown_party")

    def uuid_of(self, moment):
        return ids.make_uuid("betrokkene", moment.id)

    def find(self, kind, record_id):
        return (
            self.model.search([("id", "=", record_id), ("ki_no_party", "=", False)])
            or None
        )

    def moments_of(self, partners):
        """{partner id: moments} of the betrokkenen that were these partijen."""
        moments = self.model.search(
            [("partner_id", "in", partners.ids), ("ki_no_party", "=", False)],
            order="occurred_at desc, id desc",
        )
        result = {}
        for moment in moments:
            result.setdefault(moment.partner_id.id, []).append(moment)
        return result

    def partij_of(self, moment):
        partner = moment.partner_id
        return None if not partner or partner == self.unknown() else partner

    # -- lists ------------------------------------------------------------------

    def filter_term(self, name, value):
        if name in ("hadKlantcontact__uuid", "hadKlantcontact__url"):
            check = uuid_filter if name.endswith("uuid") else url_filter
            return [("id", "=", check(value, name, "klantcontact"))]
        if name == "hadKlantcontact__nummer":
            return [("id", "=", int(value) if value.isdigit() else 0)]
        if name == "hadKlantcontact__referentienummer":
            return [("ki_reference", "=", value)]
        if name in ("wasPartij__uuid", "wasPartij__url"):
            check = uuid_filter if name.endswith("uuid") else url_filter
            return [("partner_id", "=", check(value, name, "partij"))]
        if name == "wasPartij__nummer":
            return [("partner_id", "=", int(value) if value.isdigit() else 0)]
        if name.startswith("wasPartij__partijIdentificator__"):
            partners = partners_with(self.env, name.rsplit("__", 1)[1], value)
            return [("partner_id", "in", partners)]
        if name == "organisatienaam":
            return [
                ("partner_id.is_company", "=", True),
                ("partner_id.name", "=", value),
            ]
        if name.startswith("contactnaam"):
            field = {
                "contactnaamAchternaam": "lastname",
                "contactnaamVoornaam": "firstname",
                "contactnaamVoorvoegselAchternaam": "name_infix",
                "contactnaamVoorletters": "name_initials",
            }[name]
            return [("partner_id." + field, "=", value)]
        if name.startswith("verstrektedigitaalAdres__"):
            key = name.split("__", 1)[1]
            if key == "adres":
                return [
                    "|",
                    ("ki_party_email", "=", value),
                    ("ki_party_phone", "=", value),
                ]
            check = uuid_filter if key == "uuid" else url_filter
            parsed = (
                ids.parse_uuid(ids.uuid_from_url(value))
                if key == "url"
                else ids.parse_uuid(value)
            )
            check(value, name)
            if parsed and parsed[0].startswith("digitaal_adres_betrokkene"):
                return [("id", "=", parsed[1])]
            return [("id", "=", 0)]
        return [("id", "=", 0)]

    def search(self, query, offset, limit):
        domain = [("ki_no_party", "=", False)]
        for name, value in query.items():
            domain += self.filter_term(name, value)
        count = self.model.search_count(domain)
        records = self.model.search(domain, offset=offset, limit=limit, order="id")
        return count, records

    # -- reading ----------------------------------------------------------------

    def serialize(self, moment):
        uuid_ = self.uuid_of(moment)
        partij = self.partij_of(moment)
        given = moment.ki_party_contactnaam or None
        contactnaam = given
        organisatienaam = ""
        if partij is not None and not given:
            if partij.is_company:
                organisatienaam = (partij.name or "")[:200]
            else:
                contactnaam = partner_fields.contactnaam_of(partij)
        elif partij is None and moment.ki_party_name and not given:
            organisatienaam = moment.ki_party_name[:200]
        volledige = (
            moment.ki_party_name
            or (partner_fields.full_name(contactnaam) if contactnaam else "")
            or organisatienaam
            or (partij.name if partij is not None else "")
            or ""
        )
        adressen = self.other("digitaleadressen")
        return {
            "uuid": uuid_,
            "url": self.url(uuid_),
            "wasPartij": (
                self.ref_in("partijen", ids.make_uuid("partij", partij.id))
                if partij is not None
                else None
            ),
            "hadKlantcontact": self.ref_in(
                "klantcontacten", ids.make_uuid("klantcontact", moment.id)
            ),
            "digitaleAdressen": [
                adressen.ref(ids.make_uuid(kind, owner.id))
                for kind, owner in adressen.records_of(moment)
            ],
            "bezoekadres": None,
            "correspondentieadres": None,
            "contactnaam": contactnaam,
            "volledigeNaam": volledige,
            "rol": moment.ki_party_role or "klant",
            "organisatienaam": organisatienaam,
            "initiator": moment.direction == "inbound",
        }

    def expand(self, moment, names):
        if "digitaleAdressen" in names:
            adressen = self.other("digitaleadressen")
            return {
                "digitaleAdressen": [
                    adressen.serialize(a) for a in adressen.records_of(moment)
                ]
            }
        return {}

    # -- writing ----------------------------------------------------------------

    def vals_of(self, body, prefix=""):
        vals = {}
        if "wasPartij" in body:
            ref = body["wasPartij"] or {}
            if ref:
                parsed = ids.parse_kind(ref.get("uuid"), "partij")
                partner = self.other("partijen").find(*parsed) if parsed else None
                if partner is None:
                    raise invalid(
                        f"{prefix}wasPartij",
                        "does_not_exist",
                        "Ongeldige uuid - object bestaat niet.",
                    )
                vals["partner_id"] = partner.id
            else:
                vals["partner_id"] = self.unknown().id
        if "contactnaam" in body:
            naam = {k: v for k, v in (body["contactnaam"] or {}).items() if v}
            vals["ki_party_contactnaam"] = naam or False
            vals["ki_party_name"] = partner_fields.full_name(naam) or False
        if body.get("organisatienaam") and not body.get("contactnaam"):
            vals["ki_party_name"] = body["organisatienaam"]
        if "rol" in body:
            vals["ki_party_role"] = body["rol"]
        if "initiator" in body:
            vals["direction"] = "inbound" if body["initiator"] else "outbound"
        return vals

    def moment_for(self, body):
        ref = body.get("hadKlantcontact") or {}
        parsed = ids.parse_kind(ref.get("uuid"), "klantcontact")
        moment = self.other("klantcontacten").find(*parsed) if parsed else None
        if moment is None:
            raise invalid(
                "hadKlantcontact",
                "does_not_exist",
                "Ongeldige uuid - object bestaat niet.",
            )
        return moment

    def post(self, body):
        moment = self.moment_for(body)
        return self.attach(moment, body)

    def attach(self, moment, body, prefix=""):
        if not moment.ki_no_party:
            raise invalid(
                f"{prefix}hadKlantcontact",
                "unique",
                "Dit klantcontact heeft al een betrokkene; wijzig die (PUT/PATCH).",
            )
        vals = self.vals_of(body, prefix)
        vals["ki_no_party"] = False
        moment.write(vals)
        return moment

    def put(self, moment, body, partial):
        if "hadKlantcontact" in body and self.moment_for(body) != moment:
            raise invalid(
                "hadKlantcontact",
                "invalid",
                "Een betrokkene kan niet naar een ander klantcontact.",
            )
        moment.write(self.vals_of(body))
        return moment

    def remove(self, moment):
        moment.write(
            {
                "ki_no_party": True,
                "partner_id": self.unknown().id,
                "ki_party_name": False,
                "ki_party_contactnaam": False,
                "ki_party_email": False,
                "ki_party_phone": False,
            }
        )
