"""Partij-identificatoren are the identifier fields of a relation (BSN, KvK
number, RSIN, establishment number): one identificator per filled field."""

from stdnum.nl import bsn as elfproef

from . import ids
from .errors import invalid

BSN_GROUP = "gov_addressbook.group_bsn_access"

# codeSoortObjectId -> (res.partner field, codeObjecttype, codeRegister, digits)
IDENTIFIERS = {
    "bsn": ("bsn", "natuurlijk_persoon", "brp", 9),
    "kvk_nummer": ("kvk_number", "niet_natuurlijk_persoon", "hr", 8),
    "rsin": ("rsin", "niet_natuurlijk_persoon", "hr", 9),
    "vestigingsnummer": ("establishment_number", "vestiging", "hr", 12),
}
KIND_OF = {soort: f"identificator_{soort}" for soort in IDENTIFIERS}
SOORT_OF = {kind: soort for soort, kind in KIND_OF.items()}


def may_read_bsn(env):
    return env.su or env.user.has_group(BSN_GROUP)


def soorten(env):
    """The identifier kinds this user may see (BSN only with BSN access)."""
    return [s for s in IDENTIFIERS if s != "bsn" or may_read_bsn(env)]


def values_of(partners):
    """{partner id: {soort: value}} for ``partners``, reading (and so logging)
    the BSN only of relations that have one."""
    env = partners.env
    result = {partner.id: {} for partner in partners}
    plain = [IDENTIFIERS[s][0] for s in soorten(env) if s != "bsn"]
    for row in partners.read(plain, load=None) if plain else []:
        for soort in soorten(env):
            field = IDENTIFIERS[soort][0]
            if soort != "bsn" and row.get(field):
                result[row["id"]][soort] = row[field]
    if "bsn" in soorten(env):
        # sudo: only which of these (already readable) relations have a BSN,
        # so that the logged read below covers exactly the BSNs returned.
        with_bsn = partners.sudo().filtered("bsn").ids
        for row in partners.browse(with_bsn).read(["bsn"], load=None):
            result[row["id"]]["bsn"] = row["bsn"]
    return result


def groep(soort, value):
    _field, objecttype, register, _digits = IDENTIFIERS[soort]
    return {
        "codeObjecttype": objecttype,
        "codeSoortObjectId": soort,
        "objectId": value,
        "codeRegister": register,
    }


def serialize(resource, partner, soort, value, values):
    """One PartijIdentificator; ``values`` are the partner's {soort: value}."""
    uuid_ = ids.make_uuid(KIND_OF[soort], partner.id)
    sub = None
    if soort == "vestigingsnummer":
        owner = partner if values.get("kvk_nummer") else None
        if owner is None and partner.parent_id.kvk_number:
            owner = partner.parent_id
        if owner is not None:
            sub_uuid = ids.make_uuid(KIND_OF["kvk_nummer"], owner.id)
            sub = resource.ref_in("partij-identificatoren", sub_uuid)
    return {
        "uuid": uuid_,
        "url": resource.url_in("partij-identificatoren", uuid_),
        "identificeerdePartij": resource.ref_in(
            "partijen", ids.make_uuid("partij", partner.id)
        ),
        "anderePartijIdentificator": "",
        "partijIdentificator": groep(soort, value),
        "subIdentificatorVan": sub,
    }


def check(item, prefix=""):
    """Open Klant 2.18.0's rules for one identificator body; returns
    (soort, objectId)."""
    name = f"{prefix}.partijIdentificator" if prefix else "partijIdentificator"
    data = item.get("partijIdentificator")
    if not data:
        raise invalid(name, "required", "Dit veld is vereist.")
    soort = data.get("codeSoortObjectId")
    known = IDENTIFIERS.get(soort)
    if (
        not known
        or (data.get("codeObjecttype"), data.get("codeRegister")) != known[1:3]
    ):
        raise invalid(
            f"{name}CodeSoortObjectId",
            "invalid",
            "Combinatie van register, objecttype en soort is niet toegestaan.",
        )
    value = (data.get("objectId") or "").strip()
    if not (value.isdigit() and len(value) == known[3]) or (
        soort in ("bsn", "rsin") and not elfproef.is_valid(value)
    ):
        raise invalid(
            f"{name}ObjectId",
            "invalid",
            f"Ongeldig {soort}: {known[3]} cijfers"
            + (" die aan de elfproef voldoen." if soort in ("bsn", "rsin") else "."),
        )
    if soort == "vestigingsnummer" and not item.get("subIdentificatorVan"):
        raise invalid(
            "subIdentificatorVan",
            "invalid",
            "Een vestigingsnummer vereist een subIdentificatorVan (het "
            "kvk_nummer waar de vestiging bij hoort).",
        )
    return soort, value


def check_unique(env, soort, value, partner_id=0):
    """An identificator exists once across all partijen (Open Klant 2.18.0,
    OAS "Global Uniqueness")."""
    field = IDENTIFIERS[soort][0]
    # sudo: a uniqueness check must see relations the user cannot; it only
    # answers whether the value is taken, never by whom.
    taken = (
        env["res.partner"]
        .sudo()
        .with_context(active_test=False)
        .search_count([(field, "=", value), ("id", "!=", partner_id)], limit=1)
    )
    if taken:
        raise invalid(
            "__all__", "unique", "Partij identificator met deze velden bestaat al."
        )


def check_sub(item, partner):
    """A vestigingsnummer belongs to the kvk_nummer identificator of the same
    relation or of the organisation it is part of."""
    sub = item.get("subIdentificatorVan") or {}
    parsed = ids.parse_kind(sub.get("uuid"), KIND_OF["kvk_nummer"])
    owners = {partner.id, partner.parent_id.id} - {False}
    if not parsed or parsed[1] not in owners:
        raise invalid(
            "subIdentificatorVan",
            "invalid",
            "subIdentificatorVan moet het kvk_nummer van dezelfde partij zijn.",
        )


def identifier_domain(env, soort, value, objecttype=None, register_=None):
    """A res.partner domain for the identificator filters of the API; a BSN
    only for users with BSN access (nothing matches otherwise)."""
    visible = soorten(env)
    chosen = [
        s
        for s, (_f, otype, reg, _d) in IDENTIFIERS.items()
        if (not soort or s == soort)
        and (not objecttype or otype == objecttype)
        and (not register_ or reg == register_)
        and s in visible
    ]
    if not chosen:
        return [("id", "=", 0)]
    terms = [
        [(IDENTIFIERS[s][0], "=", value) if value else (IDENTIFIERS[s][0], "!=", False)]
        for s in chosen
    ]
    domain = terms[0]
    for term in terms[1:]:
        domain = ["|", *domain, *term]
    return domain


# A filter's last part (…__partijIdentificator__<part>) -> argument.
FILTER_PARTS = {
    "codeSoortObjectId": "soort",
    "objectId": "value",
    "codeObjecttype": "objecttype",
    "codeRegister": "register_",
}


def part_domain(env, part, value):
    """identifier_domain for one ``part`` of a partijIdentificator filter."""
    args = {"soort": None, "value": None, FILTER_PARTS[part]: value}
    return identifier_domain(env, **args)


def partners_with(env, part, value):
    """The relations (a query) with an identificator whose ``part`` is ``value``."""
    partners = env["res.partner"].with_context(active_test=False)
    return partners._search(part_domain(env, part, value))


def soort_domain(soort):
    if soort == "organisatie":
        return [("is_company", "=", True)]
    if soort == "contactpersoon":
        return [("is_company", "=", False), ("parent_id.is_company", "=", True)]
    if soort == "persoon":
        return [
            ("is_company", "=", False),
            "|",
            ("parent_id", "=", False),
            ("parent_id.is_company", "=", False),
        ]
    return [("id", "=", 0)]
