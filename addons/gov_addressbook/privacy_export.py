"""Build the files handed out for an access request (inzageverzoek).

Plain Python, no Odoo: takes already-read values and returns bytes. The
archive holds ``inzageverzoek.json`` (for machines), ``inzageverzoek.html``
(a summary in Dutch for people) and the person's files under ``bijlagen/``.
"""

import datetime
import html
import io
import json
import re
import zipfile

# The relation's own fields in an access request.
EXPORT_PARTNER_FIELDS = (
    "name",
    "firstname",
    "lastname",
    "gov_party_type",
    "bsn",
    "email",
    "phone",
    "mobile",
    "street",
    "street2",
    "zip",
    "city",
    "country_id",
    "website",
    "function",
    "comment",
    "preferred_channel",
    "gov_do_not_contact",
    "gov_deceased",
    "create_date",
)

ERASE_LABELS_NL = {
    "clear": "wordt gewist",
    "replace": "wordt vervangen door een neutrale tekst",
    "delete": "wordt verwijderd",
    "keep": "wordt bewaard",
    "custom": "wordt gewist of onherkenbaar gemaakt",
}


def _jsonable(value):
    if isinstance(value, datetime.datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.decode()
    if value is False:
        return None
    if isinstance(value, tuple):  # many2one: keep the display name
        return value[1]
    if isinstance(value, str):
        return str(value)  # Markup (HTML fields) becomes a plain string
    return value


def _clean(values):
    return {key: _jsonable(value) for key, value in values.items()}


def build_access_request(places, generated_at, generated_by):
    """Return the UTF-8 JSON document for one data subject.

    :param places: list of dicts ``{key, label, erase, legal_ground, fields,
        records}``, ``fields`` mapping field names to labels and ``records``
        a list of dicts of read values
    :param generated_at: datetime of the export
    :param generated_by: name of the privacy officer who made it
    """
    document = {
        "type": "inzageverzoek",
        "generated_at": _jsonable(generated_at),
        "generated_by": generated_by,
        "places": [
            {
                "key": place["key"],
                "label": place["label"],
                "erase": place["erase"],
                "legal_ground": place.get("legal_ground") or None,
                "fields": place.get("fields", {}),
                "records": [_clean(record) for record in place["records"]],
            }
            for place in places
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True).encode()


def _text(value):
    value = _jsonable(value)
    if value is None or value == []:
        return "-"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    value = str(value)
    if "<" in value:  # HTML field: show its text only
        value = re.sub(r"<[^>]+>", " ", value)
    return " ".join(html.unescape(value).split())


def build_summary_html(document):
    """A readable summary in Dutch of the JSON ``document`` (bytes)."""
    data = json.loads(document)
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8"/>',
        "<title>Inzageverzoek: uw persoonsgegevens</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
        "table{border-collapse:collapse;margin-bottom:1em}"
        "td,th{border:1px solid #999;padding:.2em .5em;text-align:left;"
        "vertical-align:top}</style>",
        "</head><body>",
        "<h1>Inzageverzoek: uw persoonsgegevens</h1>",
        f"<p>Dit overzicht is gemaakt op {esc(_text(data['generated_at']))} door "
        f"{esc(_text(data['generated_by']))}. Het bevat alle gegevens die wij over u "
        "vastleggen, per plaats waar wij ze bewaren. Het bestand "
        "<code>inzageverzoek.json</code> bevat dezelfde gegevens in een vorm die "
        "een computer kan lezen; uw bestanden staan in de map "
        "<code>bijlagen</code>.</p>",
    ]
    for place in data["places"]:
        records = place["records"]
        out.append(f"<h2>{esc(place['label'])} ({len(records)})</h2>")
        erase = ERASE_LABELS_NL.get(place["erase"], place["erase"])
        line = f"Bij een verzoek om verwijdering: {erase}."
        if place.get("legal_ground"):
            line += f" Grondslag: {place['legal_ground']}"
        out.append(f"<p><em>{esc(line)}</em></p>")
        if not records:
            out.append("<p>Geen gegevens.</p>")
            continue
        labels = place.get("fields") or {}
        names = [name for name in labels if name in records[0]] or sorted(records[0])
        out.append("<table><tr>")
        out += [f"<th>{esc(labels.get(name, name))}</th>" for name in names]
        out.append("</tr>")
        for record in records:
            cells = "".join(f"<td>{esc(_text(record.get(n)))}</td>" for n in names)
            out.append(f"<tr>{cells}</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out).encode()


def build_archive(document, summary, files):
    """A ZIP with the JSON ``document``, the HTML ``summary`` and ``files``
    (``[(name, bytes)]``) under ``bijlagen/``. Stored, not compressed: the
    archive is small, and an uncompressed file lets the erasure proof scan the
    filestore for values left behind."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("inzageverzoek.json", document)
        archive.writestr("inzageverzoek.html", summary)
        for name, content in files:
            safe = re.sub(r"[^\w.\- ]", "_", name)
            archive.writestr(f"bijlagen/{safe}", content)
    return buffer.getvalue()
