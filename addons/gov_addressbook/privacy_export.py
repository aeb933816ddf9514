"""Build the file handed out for an access request (inzageverzoek).

Plain Python, no Odoo: takes already-read values and returns the JSON bytes.
"""

import datetime
import json


def _jsonable(value):
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode()
    if value is False:
        return None
    return value


def _clean(values):
    return {key: _jsonable(value) for key, value in values.items()}


def build_access_request(relation, contact_moments, generated_at, generated_by):
    """Return the UTF-8 JSON document for one data subject.

    :param relation: dict of the relation's personal fields
    :param contact_moments: list of dicts, one per contact moment
    :param generated_at: datetime of the export
    :param generated_by: name of the privacy officer who made it
    """
    document = {
        "type": "inzageverzoek",
        "generated_at": _jsonable(generated_at),
        "generated_by": generated_by,
        "relation": _clean(relation),
        "contact_moments": [_clean(moment) for moment in contact_moments],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True).encode()
