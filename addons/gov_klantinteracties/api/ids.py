"""Stable UUIDs for the records the API exposes, without storing them.

Every resource of the API needs a UUID, and many of ours are not even rows of
their own (a partij's e-mail address is a field of the relation). A UUID here
is derived from what the record is (its *kind*) and its database id, and can
be read back, so nothing is written to a million rows and a UUID never
changes while the record exists:

    xxxxxxxx-xxxx-8KKK-80II-IIIIIIIIIIII

a fixed prefix, RFC 9562 version 8 (vendor-defined), the kind in 12 bits, the
variant bits and the id in 56 bits. A UUID of another system, a typo or a
kind this API does not know parses to ``None`` (404, as Open Klant answers).
"""

import uuid

_PREFIX = bytes.fromhex("6f646f6f6b69")  # "odooki": ours, not a random uuid4
_MAX_ID = (1 << 56) - 1

# Kind numbers are part of every UUID handed out: never renumber one.
KINDS = {
    "partij": 1,
    "identificator_bsn": 2,
    "identificator_kvk_nummer": 3,
    "identificator_rsin": 4,
    "identificator_vestigingsnummer": 5,
    "digitaal_adres_email": 6,
    "digitaal_adres_phone": 7,
    "digitaal_adres_betrokkene_email": 8,
    "klantcontact": 9,
    "betrokkene": 10,
    "onderwerpobject": 11,
    "actor_medewerker": 12,
    "actor_team": 13,
    "internetaak": 14,
    "digitaal_adres_betrokkene_phone": 15,
}
_KIND_NAMES = {number: name for name, number in KINDS.items()}


def make_uuid(kind, record_id):
    """The UUID of record ``record_id`` of ``kind`` (a key of KINDS)."""
    number = KINDS[kind]
    if not 0 < record_id <= _MAX_ID:
        raise ValueError(f"record id {record_id} does not fit a UUID")
    raw = (
        _PREFIX
        + bytes([0x80 | (number >> 8), number & 0xFF, 0x80])
        + record_id.to_bytes(7, "big")
    )
    return str(uuid.UUID(bytes=raw))


def parse_uuid(value):
    """(kind, id) of a UUID made by :func:`make_uuid`, else ``None``."""
    try:
        raw = uuid.UUID(str(value)).bytes
    except (ValueError, AttributeError, TypeError):
        return None
    if raw[:6] != _PREFIX or raw[6] >> 4 != 8 or raw[8] != 0x80:
        return None
    kind = _KIND_NAMES.get(((raw[6] & 0x0F) << 8) | raw[7])
    record_id = int.from_bytes(raw[9:], "big")
    if kind is None or not record_id:
        return None
    return kind, record_id


def parse_kind(value, *kinds):
    """The id behind ``value`` if it is a UUID of one of ``kinds``, else None."""
    parsed = parse_uuid(value)
    if parsed and parsed[0] in kinds:
        return parsed
    return None


def uuid_from_url(value):
    """The last path segment of a resource URL (the UUID), or the value."""
    return str(value or "").rstrip("/").rsplit("/", 1)[-1]
