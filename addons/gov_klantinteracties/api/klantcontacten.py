"""klantcontacten: the contact moments of the timeline (gov.contact.moment)."""

from odoo.addons.gov_addressbook.models.gov_contact_moment import CONFIDENTIAL

from . import common, ids
from .identifiers import partners_with
from .resource import Resource, boolean_filter, register, url_filter, uuid_filter


@register
class Klantcontacten(Resource):
    collection = "klantcontacten"
    component = "Klantcontact"
    kinds = ("klantcontact",)

    @property
    def model(self):
        return self.env["gov.contact.moment"]

    def find(self, kind, record_id):
        return self.model.search([("id", "=", record_id)]) or None

    # -- lists ------------------------------------------------------------------

    def filter_domain(self, query):
        domain = []
        for name, value in query.items():
            domain += self.filter_term(name, value)
        return domain

    def filter_term(self, name, value):
        simple = {
            "onderwerp": "subject",
            "inhoud": "summary",
            "reactie": "ki_reaction",
            "referentienummer": "ki_reference",
        }
        if name in simple:
            return [(simple[name], "=", value)]
        if name == "nummer":
            return [("id", "=", int(value) if value.isdigit() else 0)]
        if name == "kanaal":
            channel, own_name = common.channel_of(value)
            if own_name:
                return [("ki_channel_name", "=ilike", value)]
            return [("channel", "=", channel), ("ki_channel_name", "=", False)]
        if name == "plaatsgevondenOp":
            return [("occurred_at", "=", common.parse_datetime(value, name))]
        if name == "vertrouwelijk":
            flag = boolean_filter(value)
            if flag is None:
                return []
            return [("confidentiality", "in" if flag else "not in", CONFIDENTIAL)]
        if name == "indicatieContactGelukt":
            flag = boolean_filter(value)
            return [] if flag is None else [("ki_succeeded", "=", flag)]
        if name == "leiddeTotInterneTaken":
            handover = uuid_filter(value, name, "internetaak")
            return [("id", "in", self.other("internetaken").moment_ids_of(handover))]
        if name.startswith("hadBetrokkene__"):
            return self.betrokkene_term(name.split("__", 1)[1], value)
        if name.startswith(("onderwerpobject__", "wasOnderwerpobject__")):
            return self.subject_term(name, value)
        return [("id", "=", 0)]

    def betrokkene_term(self, key, value):
        party = [("ki_no_party", "=", False)]
        if key in ("uuid", "url"):
            check = uuid_filter if key == "uuid" else url_filter
            return [
                *party,
                ("id", "=", check(value, f"hadBetrokkene__{key}", "betrokkene")),
            ]
        if key == "digitaaladres__adres__icontains":
            return [
                *party,
                "|",
                "|",
                "|",
                ("partner_id.email", "ilike", value),
                ("partner_id.phone", "ilike", value),
                ("ki_party_email", "ilike", value),
                ("ki_party_phone", "ilike", value),
            ]
        if key == "wasPartij":
            return [
                *party,
                (
                    "partner_id",
                    "=",
                    uuid_filter(value, "hadBetrokkene__wasPartij", "partij"),
                ),
            ]
        if key in ("wasPartij__uuid", "wasPartij__url"):
            check = uuid_filter if key.endswith("uuid") else url_filter
            return [
                *party,
                ("partner_id", "=", check(value, f"hadBetrokkene__{key}", "partij")),
            ]
        if key.startswith("wasPartij__partijIdentificator__"):
            partners = partners_with(self.env, key.rsplit("__", 1)[1], value)
            return [*party, ("partner_id", "in", partners)]
        return [("id", "=", 0)]

    def subject_term(self, name, value):
        link, key = name.split("__", 1)
        field = "ki_subject_ids" if link == "onderwerpobject" else "id"
        if key in ("uuid", "url"):
            check = uuid_filter if key == "uuid" else url_filter
            subject_id = check(value, name, "onderwerpobject")
            if link == "onderwerpobject":
                return [("ki_subject_ids", "in", [subject_id])]
            return [
                (
                    "id",
                    "in",
                    self.subject_moments([("id", "=", subject_id)], "was_moment_id"),
                )
            ]
        part = key.replace("onderwerpobjectidentificator", "")
        column = {
            "ObjectId": "object_id",
            "CodeObjecttype": "object_type",
            "CodeRegister": "register",
            "CodeSoortObjectId": "id_kind",
        }[part]
        if field == "ki_subject_ids":
            return [("ki_subject_ids", "any", [(column, "=", value)])]
        return [
            ("id", "in", self.subject_moments([(column, "=", value)], "was_moment_id"))
        ]

    def subject_moments(self, domain, field):
        subjects = self.env["gov.contact.moment.subject"].search(
            [*domain, (field, "!=", False)]
        )
        return subjects.mapped(field).ids

    def search(self, query, offset, limit):
        domain = self.filter_domain(query)
        count = self.model.search_count(domain)
        # Open Klant 2.18.0 lists the newest plaatsgevondenOp first.
        records = self.model.search(
            domain, offset=offset, limit=limit, order="occurred_at desc, id desc"
        )
        return count, records

    # -- reading ----------------------------------------------------------------

    def serialize_page(self, moments):
        self.handovers = self.other("internetaken").handovers_by_moment(moments)
        try:
            return [self.serialize(moment) for moment in moments]
        finally:
            self.handovers = None

    def serialize(self, moment):
        uuid_ = ids.make_uuid("klantcontact", moment.id)
        taken = self.other("internetaken")
        handovers = getattr(self, "handovers", None)
        handovers = (
            handovers[moment.id]
            if handovers is not None
            else taken.handovers_of(moment)
        )
        return {
            "uuid": uuid_,
            "url": self.url(uuid_),
            "gingOverOnderwerpobjecten": [
                self.ref_in("onderwerpobjecten", ids.make_uuid("onderwerpobject", s.id))
                for s in moment.ki_subject_ids
            ],
            # Open Klant 2.18.0 (OAS: items are Actor): whole actors, not refs.
            "hadBetrokkenActoren": self.other("actoren").actors_of(moment.user_id),
            "omvatteBijlagen": [],
            "hadBetrokkenen": (
                []
                if moment.ki_no_party
                else [
                    self.ref_in("betrokkenen", ids.make_uuid("betrokkene", moment.id))
                ]
            ),
            "leiddeTotInterneTaken": [
                taken.ref(ids.make_uuid("internetaak", h.id)) for h in handovers
            ],
            "nummer": str(moment.id).zfill(10)[-10:],
            "referentienummer": moment.ki_reference or None,
            "kanaal": common.kanaal_of(moment),
            "onderwerp": (moment.subject or "")[:200],
            "inhoud": (moment.summary or "")[:1000],
            "reactie": (moment.ki_reaction or "")[:4000],
            "indicatieContactGelukt": moment.ki_succeeded,
            "hoofdOnderwerpType": "",
            "verdereActieOndernomen": moment.ki_further_action,
            "taal": moment.ki_language or "nld",
            "vertrouwelijk": moment.confidentiality in CONFIDENTIAL,
            "plaatsgevondenOp": common.iso(moment.occurred_at),
            "metadata": {},
        }

    def expand(self, moment, names):
        expanded = {}
        if "hadBetrokkenen" in names or any(
            n.startswith("hadBetrokkenen.") for n in names
        ):
            betrokkenen = self.other("betrokkenen")
            items = []
            if not moment.ki_no_party:
                item = betrokkenen.serialize(moment)
                sub = {}
                if "hadBetrokkenen.wasPartij" in names:
                    partij = betrokkenen.partij_of(moment)
                    sub["wasPartij"] = (
                        self.other("partijen").serialize(partij) if partij else None
                    )
                if "hadBetrokkenen.digitaleAdressen" in names:
                    adressen = self.other("digitaleadressen")
                    sub["digitaleAdressen"] = [
                        adressen.serialize(a) for a in adressen.records_of(moment)
                    ]
                if sub:
                    item["_expand"] = sub
                items.append(item)
            expanded["hadBetrokkenen"] = items
        if "leiddeTotInterneTaken" in names:
            taken = self.other("internetaken")
            expanded["leiddeTotInterneTaken"] = [
                taken.serialize(h) for h in taken.handovers_of(moment)
            ]
        if "gingOverOnderwerpobjecten" in names:
            subjects = self.other("onderwerpobjecten")
            expanded["gingOverOnderwerpobjecten"] = [
                subjects.serialize(s) for s in moment.ki_subject_ids
            ]
        if "omvatteBijlagen" in names:
            expanded["omvatteBijlagen"] = []
        return expanded

    # -- writing ----------------------------------------------------------------

    def vals_of(self, body, moment=None, prefix=""):
        vals = {}
        if "kanaal" in body:
            vals["channel"], vals["ki_channel_name"] = common.channel_of(body["kanaal"])
        simple = {
            "onderwerp": "subject",
            "inhoud": "summary",
            "reactie": "ki_reaction",
            "taal": "ki_language",
            "indicatieContactGelukt": "ki_succeeded",
            "verdereActieOndernomen": "ki_further_action",
        }
        for key, field in simple.items():
            if key in body:
                vals[field] = body[key] if body[key] is not None else False
        if "vertrouwelijk" in body:
            current = moment.confidentiality if moment else "intern"
            if bool(body["vertrouwelijk"]) != (current in CONFIDENTIAL):
                vals["confidentiality"] = (
                    "vertrouwelijk" if body["vertrouwelijk"] else "intern"
                )
        if body.get("plaatsgevondenOp"):
            vals["occurred_at"] = common.parse_datetime(
                body["plaatsgevondenOp"], "plaatsgevondenOp"
            )
        if "referentienummer" in body:
            vals["ki_reference"] = common.check_reference(
                self.env,
                "gov.contact.moment",
                body["referentienummer"],
                prefix + "referentienummer",
                "Klantcontact",
                moment.id if moment else 0,
            )
        return vals

    def post(self, body, prefix=""):
        vals = self.vals_of(body, prefix=prefix)
        unknown = self.env.ref("gov_klantinteracties.partner_unknown_party")
        vals.update(partner_id=unknown.id, ki_no_party=True, direction="inbound")
        return self.model.create(vals)

    def put(self, moment, body, partial):
        moment.write(self.vals_of(body, moment))
        return moment

    def remove(self, moment):
        moment.unlink()
