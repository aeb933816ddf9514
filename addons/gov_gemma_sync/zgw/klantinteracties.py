"""Publish contact moments to the Klantinteracties API (Open Klant 2.18, 0.9.0).

No Odoo here. A partij is found by its identifier or created; a klantcontact
with its betrokkene (and optionally an onderwerpobject pointing at a zaak) is
created in one atomic ``POST /maak-klantcontact``.

Publishing is idempotent on the moment's own identity: every klantcontact
carries a ``referentienummer`` of ours (digits only and unique on the server,
Open Klant >= 2.16), and a retry first looks that number up with the
``referentienummer`` filter of ``GET /klantcontacten``. Nothing two contact
moments can share (subject, time, partij) is used to recognise one.
"""

from datetime import datetime

from .errors import ZgwReferenceTakenError, ZgwRequestError

# Odoo identifier field -> (codeObjecttype, codeSoortObjectId, codeRegister)
IDENTIFIERS = {
    "bsn": ("natuurlijk_persoon", "bsn", "brp"),
    "kvk_number": ("niet_natuurlijk_persoon", "kvk_nummer", "hr"),
    "rsin": ("niet_natuurlijk_persoon", "rsin", "hr"),
}
CONTACT_LANGUAGE = "nld"
# Klantinteracties 0.9.0 Contactnaam: maximum length per part.
CONTACTNAAM_MAX = {
    "voorletters": 10,
    "voornaam": 200,
    "voorvoegselAchternaam": 10,
    "achternaam": 200,
}
REFERENCE_DIGITS = 10  # referentienummer: max 10 characters, digits only


def reference_number(prefix, record_id):
    """``prefix`` + the record id, zero-padded to 10 digits in all."""
    width = REFERENCE_DIGITS - len(prefix or "")
    number = str(record_id).zfill(width)
    if len(number) > width:
        raise ValueError("The record id does not fit the referentienummer.")
    return f"{prefix or ''}{number}"


def contactnaam(voorletters="", voornaam="", voorvoegsel="", achternaam=""):
    """A Contactnaam object from the Dutch name parts (empty parts left out)."""
    parts = {
        "voorletters": voorletters,
        "voornaam": voornaam,
        "voorvoegselAchternaam": voorvoegsel,
        "achternaam": achternaam,
    }
    return {
        key: value.strip()[: CONTACTNAAM_MAX[key]]
        for key, value in parts.items()
        if value and value.strip()
    }


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


def create_partij(client, kind, value, party):
    """Create a partij; ``party`` holds ``naam`` and, for a person, ``contactnaam``."""
    object_type, code, register = IDENTIFIERS[kind]
    person = kind == "bsn"
    name = (party.get("naam") or "")[:200]
    body = {
        "soortPartij": "persoon" if person else "organisatie",
        "indicatieActief": True,
        "voorkeurstaal": CONTACT_LANGUAGE,
        "partijIdentificatie": (
            {"contactnaam": party.get("contactnaam") or {"achternaam": name}}
            if person
            else {"naam": name}
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


def find_or_create_partij(client, identifiers, party):
    found = partij_identifier(identifiers)
    if not found:
        return None
    kind, value = found
    return find_partij(client, kind, value) or create_partij(client, kind, value, party)


def _same_moment(klantcontact, contact):
    """A klantcontact carrying our number is ours when it is about our moment.

    Only a guard against another system using the same number: the number
    is the identity, these fields just have to agree.
    """

    def moment(value):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except (AttributeError, ValueError):
            return value

    return klantcontact.get("onderwerp") == contact["onderwerp"][:200] and moment(
        klantcontact.get("plaatsgevondenOp")
    ) == moment(contact["plaatsgevondenOp"])


def find_klantcontact(client, contact):
    """The klantcontact published earlier for this moment, by referentienummer."""
    number = contact["referentienummer"]
    params = {"referentienummer": number}
    for klantcontact in client.iter_list("klantcontacten", params=params):
        # Client-side check too: a server that ignored the filter must not
        # make another moment's klantcontact ours.
        if klantcontact.get("referentienummer") != number:
            continue
        if not _same_moment(klantcontact, contact):
            raise ZgwReferenceTakenError(
                client.host, resource="klantcontact", number=number
            )
        return klantcontact
    return None


def klantcontact_body(partij, contact, zaak_uuid=None, betrokkene_naam=None):
    """The ``maak-klantcontact`` body; ``betrokkene_naam`` names the person
    or organisation as they were at the contact (``contactnaam`` dict or
    ``organisatienaam`` string)."""
    betrokkene = {"rol": "klant", "initiator": contact.get("initiator", True)}
    if partij:
        # Without a partij the key is left out: the same as null for Open
        # Klant, and valid for validators that refuse a null behind allOf.
        betrokkene["wasPartij"] = {"uuid": partij["uuid"]}
    if isinstance(betrokkene_naam, dict) and betrokkene_naam:
        betrokkene["contactnaam"] = betrokkene_naam
    elif isinstance(betrokkene_naam, str) and betrokkene_naam:
        betrokkene["organisatienaam"] = betrokkene_naam[:200]
    body = {
        "klantcontact": {
            "kanaal": contact["kanaal"][:50],
            "onderwerp": contact["onderwerp"][:200],
            "inhoud": (contact.get("inhoud") or "")[:1000],
            "taal": CONTACT_LANGUAGE,
            "vertrouwelijk": bool(contact.get("vertrouwelijk")),
            "indicatieContactGelukt": True,
            "plaatsgevondenOp": contact["plaatsgevondenOp"],
            "referentienummer": contact["referentienummer"],
        },
        "betrokkene": betrokkene,
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
    return body


def publish_klantcontact(client, partij, contact, zaak_uuid=None, betrokkene_naam=None):
    """Create the klantcontact once; return it (also when it already existed).

    ``contact`` holds kanaal, onderwerp, inhoud, vertrouwelijk,
    plaatsgevondenOp (ISO 8601 with Z) and referentienummer (ours, digits).
    ``partij`` may be None: the betrokkene then only carries the name.
    """
    existing = find_klantcontact(client, contact)
    if existing:
        return existing
    body = klantcontact_body(partij, contact, zaak_uuid, betrokkene_naam)
    try:
        return client.request("POST", "maak-klantcontact", json=body)[0]["klantcontact"]
    except ZgwRequestError:
        # A parallel attempt may have created it in the meantime (the number
        # is unique on the server): adopt it; anything else stays an error.
        existing = find_klantcontact(client, contact)
        if existing:
            return existing
        raise
