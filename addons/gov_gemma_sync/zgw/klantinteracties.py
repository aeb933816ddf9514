"""Publish contact moments to the Klantinteracties API (Open Klant 2.18, 0.9.0).

No Odoo here. A partij is found by its identifier or created; a klantcontact
with its betrokkene (and optionally an onderwerpobject pointing at a zaak) is
created in one atomic ``POST /maak-klantcontact``. Publishing is idempotent: a
retry first looks for the klantcontact it may already have created.
"""

# Odoo identifier field -> (codeObjecttype, codeSoortObjectId, codeRegister)
IDENTIFIERS = {
    "bsn": ("natuurlijk_persoon", "bsn", "brp"),
    "kvk_number": ("niet_natuurlijk_persoon", "kvk_nummer", "hr"),
    "rsin": ("niet_natuurlijk_persoon", "rsin", "hr"),
}
CONTACT_LANGUAGE = "nld"


def partij_identifier(identifiers):
    """The first identifier Klantinteracties can look a partij up by."""
    for kind in IDENTIFIERS:
        if identifiers.get(kind):
            return kind, identifiers[kind]
    return None


def find_partij(client, kind, value):
    _type, code, _register = IDENTIFIERS[kind]
    params = {
        "partijIdentificator__codeSoortObjectId": code,
        "partijIdentificator__objectId": value,
    }
    return next(iter(client.iter_list("partijen", params=params)), None)


def create_partij(client, kind, value, name):
    object_type, code, register = IDENTIFIERS[kind]
    person = kind == "bsn"
    body = {
        "soortPartij": "persoon" if person else "organisatie",
        "indicatieActief": True,
        "voorkeurstaal": CONTACT_LANGUAGE,
        "partijIdentificatie": (
            {"contactnaam": {"achternaam": name[:200]}}
            if person
            else {"naam": name[:200]}
        ),
        "partijIdentificatoren": [
            {
                "partijIdentificator": {
                    "codeObjecttype": object_type,
                    "codeSoortObjectId": code,
                    "objectId": value,
                    "codeRegister": register,
                }
            }
        ],
    }
    return client.request("POST", "partijen", json=body)[0]


def find_or_create_partij(client, identifiers, name):
    found = partij_identifier(identifiers)
    if not found:
        return None
    kind, value = found
    return find_partij(client, kind, value) or create_partij(client, kind, value, name)


def _existing_klantcontact(client, partij_uuid, contact):
    params = {
        "hadBetrokkene__wasPartij__uuid": partij_uuid,
        "onderwerp": contact["onderwerp"],
        "plaatsgevondenOp": contact["plaatsgevondenOp"],
    }
    for klantcontact in client.iter_list("klantcontacten", params=params):
        if klantcontact.get("onderwerp") == contact["onderwerp"]:
            return klantcontact
    return None


def publish_klantcontact(client, partij, contact, zaak_uuid=None):
    """Create the klantcontact once; return it (also when it already existed).

    ``contact`` holds kanaal, onderwerp, inhoud, vertrouwelijk and
    plaatsgevondenOp (ISO 8601 with Z). ``partij`` may be None for a contact
    with an unknown person.
    """
    if partij:
        existing = _existing_klantcontact(client, partij["uuid"], contact)
        if existing:
            return existing
    body = {
        "klantcontact": {
            "kanaal": contact["kanaal"][:50],
            "onderwerp": contact["onderwerp"][:200],
            "inhoud": (contact.get("inhoud") or "")[:1000],
            "taal": CONTACT_LANGUAGE,
            "vertrouwelijk": bool(contact.get("vertrouwelijk")),
            "indicatieContactGelukt": True,
            "plaatsgevondenOp": contact["plaatsgevondenOp"],
        },
        "betrokkene": {
            "wasPartij": {"uuid": partij["uuid"]} if partij else None,
            "rol": "klant",
            "initiator": contact.get("initiator", True),
        },
    }
    if zaak_uuid:
        body["onderwerpobject"] = {
            "onderwerpobjectidentificator": {
                "codeObjecttype": "zaak",
                "codeRegister": "open-zaak",
                "codeSoortObjectId": "uuid",
                "objectId": zaak_uuid,
            }
        }
    return client.request("POST", "maak-klantcontact", json=body)[0]["klantcontact"]
