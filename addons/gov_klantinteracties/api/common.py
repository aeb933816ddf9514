"""Small conversions the klantcontact resources share."""

import re
from datetime import UTC, datetime

from odoo.addons.gov_addressbook.models.gov_contact_moment import (
    KANAAL_NAMES as KANALEN,
)

from .errors import invalid

_SYNONYMS = {
    "telefonisch": "phone",
    "phone": "phone",
    "email": "email",
    "mail": "email",
    "social media": "social",
    "e-mail": "email",
    "post": "letter",
    "contactformulier": "web_form",
    "formulier": "web_form",
    "website": "web_form",
    "loket": "counter",
}
_DIGITS = re.compile(r"^[0-9]+$")


def channel_of(kanaal):
    """(our channel, the name to keep when it is not one of ours)."""
    key = (kanaal or "").strip().lower()
    for channel, name in KANALEN.items():
        if key == name:
            return channel, False
    if key in _SYNONYMS:
        return _SYNONYMS[key], kanaal
    return "other", kanaal


def kanaal_of(moment):
    return (moment.ki_channel_name or KANALEN.get(moment.channel, "overig"))[:50]


def iso(value):
    """An Odoo UTC datetime as Open Klant writes it (ISO 8601, Z)."""
    if not value:
        return None
    return value.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z")


def parse_datetime(value, name):
    """A naive UTC datetime from an ISO 8601 value (with Z or an offset)."""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as error:
        raise invalid(
            name, "invalid", "Datetime heeft een ongeldig formaat."
        ) from error
    if moment.tzinfo:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=moment.microsecond)


def check_reference(env, model, value, name, label, record_id=0):
    """Open Klant 2.16.0+ (seen on 2.18.0): referentienummer is digits only
    and unique. Returns the value to store (False for none)."""
    if value in (None, ""):
        return False
    if not _DIGITS.match(value):
        raise invalid(name, "invalid", "Voer een geldig geheel getal in.")
    # sudo: uniqueness must see records the user cannot; only a count leaves.
    taken = (
        env[model]
        .sudo()
        .search_count([("ki_reference", "=", value), ("id", "!=", record_id)], limit=1)
    )
    if taken:
        raise invalid(name, "unique", f"{label} met deze referentienummer bestaat al.")
    return value
