"""Reading and cleaning an address book exported from another CRM. No Odoo.

The *Relaties importeren* assistant (wizards/gov_partner_import.py) reads the
whole file with :func:`read_table`, maps its columns with a preset's text
(:func:`parse_column_map`, :func:`parse_kind_map`) and cleans every row with
:func:`clean_row`. Problems are returned as codes with the value concerned;
the assistant turns them into translated sentences naming the row.
"""

import csv
import datetime
import hashlib
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

import openpyxl
from stdnum import exceptions as stdnum_exceptions
from stdnum.nl import postcode as stdnum_postcode

from . import dutch_names, dutch_phone
from .identifiers import InvalidIdentifier
from .identifiers import normalise as normalise_identifier

# The columns an export can be mapped to (a preset's right-hand sides).
TARGETS = (
    "source_id",
    "kind",
    "party_type",
    "name",
    "organisation",
    "firstname",
    "infix",
    "lastname",
    "street",
    "house_number",
    "house_number_addition",
    "zip",
    "city",
    "country",
    "phone",
    "mobile",
    "email",
    "website",
    "function",
    "kvk_number",
    "establishment_number",
    "rsin",
    "oin",
    "cbs_code",
    "comment",
)
IDENTIFIERS = ("kvk_number", "establishment_number", "rsin", "oin", "cbs_code")
PARTY_TYPES = ("citizen", "company", "government", "press", "civil_society", "other")
KINDS = {
    "organisation": "organisation",
    "organisatie": "organisation",
    "organization": "organisation",
    "person": "person",
    "persoon": "person",
}
PARTY_TYPE_WORDS = {
    **{code: code for code in PARTY_TYPES},
    "burger": "citizen",
    "inwoner": "citizen",
    "bedrijf": "company",
    "overheid": "government",
    "pers": "press",
    "media": "press",
    "maatschappelijkeorganisatie": "civil_society",
    "civilsociety": "civil_society",
    "overig": "other",
}
# Names that say "organisation" even without a KvK number or a Soort column.
ORGANISATION_WORDS = re.compile(
    r"(^|\s)(b\.?v\.?|n\.?v\.?|v\.?o\.?f\.?|stichting|vereniging|coöperatie|"
    r"cooperatie|gemeente|provincie|waterschap|hoogheemraadschap|ministerie|"
    r"omgevingsdienst|veiligheidsregio|ggd|school|college|bureau|holding|"
    r"groep|bv)(\s|$|,)",
    re.IGNORECASE,
)
GOVERNMENT_WORDS = re.compile(
    r"^(gemeente|provincie|waterschap|hoogheemraadschap|ministerie|"
    r"omgevingsdienst|veiligheidsregio)\b",
    re.IGNORECASE,
)
CIVIL_SOCIETY_WORDS = re.compile(r"(^|\s)(stichting|vereniging)(\s|$)", re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")
HOUSE_NUMBER = re.compile(r"^(\d{1,5})\s*[-/ ]?\s*(.*)$")
SEPARATORS = (";", ",", "\t", "|")


class ImportFileError(ValueError):
    """The file as a whole cannot be read; ``reason`` is a stable code."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Table:
    headers: list
    rows: list  # [(row number as a spreadsheet shows it, [cells])]
    separator: str  # "" for a spreadsheet (XLSX)
    encoding: str  # "xlsx" for a spreadsheet


@dataclass
class Problem:
    target: str  # the column's target, or "" for the row as a whole
    value: str
    code: str
    details: dict = field(default_factory=dict)


@dataclass
class CleanRow:
    row: int
    values: dict
    problems: list
    key: str  # a stable hash of the cleaned values: the row's identity


def normalise_key(text):
    """ "Huisnr. toevoeging" and "huisnr_Toevoeging" -> "huisnrtoevoeging"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    ascii_text = decomposed.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


def read_table(data):
    """Decode, sniff the separator and split ``data`` (bytes) into rows.

    A CSV file in UTF-8 with or without BOM, or Windows-1252 (Excel's "CSV" on
    Windows), or an Excel workbook (XLSX: its first sheet). Row numbers are
    those a spreadsheet shows: the header is row 1.
    """
    if not data or not data.strip():
        raise ImportFileError("empty")
    if data[:4] == b"PK\x03\x04":
        return _read_workbook(data)
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "windows-1252"
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    separator = max(SEPARATORS, key=first_line.count)
    if not first_line.count(separator):
        separator = ","
    records = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    return _table(enumerate(records, start=1), separator, encoding)


def _table(numbered_rows, separator, encoding):
    headers, rows = None, []
    for number, cells in numbered_rows:
        if headers is None:
            if any(cell.strip() for cell in cells):
                headers = [cell.strip() for cell in cells]
            continue
        if any(cell.strip() for cell in cells):
            rows.append((number, cells))
    if headers is None:
        raise ImportFileError("empty")
    return Table(headers, rows, separator, encoding)


def _read_workbook(data):
    """The first sheet of an XLSX workbook, every cell as the text it shows."""
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True
        )
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportFileError("unreadable") from error
    try:
        sheet = workbook.worksheets[0]
        numbered = (
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), 1)
        )
        return _table(numbered, "", "xlsx")
    finally:
        workbook.close()


def _cell_text(value):
    """A workbook cell as text: 1234567 not 1234567.0, dates as 31-12-2026."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.strftime("%d-%m-%Y")
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d-%m-%Y")
    return str(value)


def write_table(headers, rows, separator, encoding):
    """``rows`` ([cells]) under ``headers`` in the layout of the file read:
    a CSV with the same separator (UTF-8 with BOM), or an XLSX workbook."""
    if encoding == "xlsx":
        workbook = openpyxl.Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(headers)
        for cells in rows:
            sheet.append(cells)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator or ",", lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def parse_column_map(text):
    """{normalised column name: target} from lines "Column name = target".

    Returns (mapping, bad lines); lines starting with # are comments.
    """
    mapping, bad = {}, []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        column, _sep, target = line.rpartition("=")
        target = target.strip()
        if not column.strip() or target not in TARGETS:
            bad.append(line)
            continue
        mapping[normalise_key(column)] = target
    return mapping, bad


def parse_kind_map(text):
    """{normalised value: (kind, party type or None)} from lines
    "Value = organisation, company" or "Value = person".
    """
    mapping, bad = {}, []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        value, _sep, meaning = line.rpartition("=")
        words = [word.strip() for word in meaning.split(",")]
        kind = KINDS.get(normalise_key(words[0]))
        party_type = (
            PARTY_TYPE_WORDS.get(normalise_key(words[1])) if len(words) > 1 else None
        )
        if not value.strip() or not kind or (len(words) > 1 and not party_type):
            bad.append(line)
            continue
        mapping[normalise_key(value)] = (kind, party_type)
    return mapping, bad


def map_columns(headers, column_map):
    """The target of each column (None: ignored) and the ignored headers."""
    targets = [column_map.get(normalise_key(header)) for header in headers]
    ignored = [
        header for header, target in zip(headers, targets, strict=True) if not target
    ]
    return targets, ignored


def split_infix(last_name):
    """ "de Vries" -> ("de", "Vries"); "Vries, de" -> ("de", "Vries")."""
    text = " ".join((last_name or "").split())
    if "," in text:
        name, _sep, infix = text.partition(",")
        infix = infix.strip()
        if infix.lower() in dutch_names.INFIXES:
            return infix.lower(), name.strip()
    lowered = text.lower()
    for infix in dutch_names.INFIXES:  # longest first
        if lowered.startswith(infix + " ") and len(text) > len(infix) + 1:
            return infix, text[len(infix) + 1 :].strip()
    return "", text


@dataclass
class Options:
    kind_map: dict
    country_codes: dict  # {normalised name or code: ISO code}
    default_country: str = "NL"
    text_limits: dict = field(default_factory=dict)


def row_values(cells, targets):
    """{target: raw text} of one row: the first non-empty cell per target."""
    raw = {}
    for cell, target in zip(cells, targets, strict=False):
        if target and cell and cell.strip() and not raw.get(target):
            raw[target] = cell.strip()
    return raw


def clean_row(row_number, raw, options):
    """Clean one row's ``raw`` values ({target: text}) into relation values."""
    problems = []
    values = {}

    def problem(target, value, code, **details):
        problems.append(Problem(target, value, code, details))

    for target, value in list(raw.items()):
        if "\x00" in value:
            problem(target, value.replace("\x00", ""), "nul")
            value = value.replace("\x00", "")
        raw[target] = value if target == "comment" else " ".join(value.split())

    kind, party_type = _kind(raw, options, problem)
    _names(raw, kind, values, problem)
    if not party_type and raw.get("party_type"):
        party_type = PARTY_TYPE_WORDS.get(normalise_key(raw["party_type"]))
        if not party_type:
            problem("party_type", raw["party_type"], "unknown_party_type")
    values["party_type"] = party_type or _default_party_type(values, raw)
    _address(raw, values, options, problem)
    _contact(raw, values, problem)
    for target in IDENTIFIERS:
        if raw.get(target):
            try:
                values[target] = normalise_identifier(target, raw[target])
            except InvalidIdentifier as error:
                problem(target, raw[target], "identifier", reason=error.reason)
    for target in ("website", "function", "comment", "source_id"):
        if raw.get(target):
            values[target] = raw[target]
    for target, value in values.items():
        limit = options.text_limits.get(target)
        if limit and isinstance(value, str) and len(value) > limit:
            problem(target, value[:40] + "…", "too_long", limit=limit)
    key_values = {k: v for k, v in values.items() if k != "source_id" and v}
    digest = hashlib.sha1(
        json.dumps(key_values, sort_keys=True).encode(), usedforsecurity=False
    ).hexdigest()
    return CleanRow(row_number, values, problems, f"row:{digest[:24]}")


def _kind(raw, options, problem):
    """(kind, party type) from the Soort column, or guessed from the row."""
    if raw.get("kind"):
        found = options.kind_map.get(normalise_key(raw["kind"]))
        if found:
            return found
        problem("kind", raw["kind"], "unknown_kind")
    if raw.get("firstname") or raw.get("lastname"):
        return "person", None
    name = raw.get("name", "")
    if any(raw.get(target) for target in IDENTIFIERS) or ORGANISATION_WORDS.search(
        name
    ):
        return "organisation", None
    if raw.get("organisation") and not name:
        return "organisation", None
    return "person", None


def _names(raw, kind, values, problem):
    values["kind"] = kind
    if kind == "organisation":
        values["name"] = raw.get("name") or raw.get("organisation") or ""
        if not values["name"]:
            problem("name", "", "missing_name")
        return
    first, infix, last = (raw.get(t, "") for t in ("firstname", "infix", "lastname"))
    if last and not infix:
        infix, last = split_infix(last)
    if not (first or last) and raw.get("name"):
        first, infix, last = dutch_names.split_name(raw["name"])
    if not (first or last):
        problem("name", "", "missing_name")
    values.update(firstname=first, infix=infix.lower(), lastname=last or first, name="")
    if not last:
        values["firstname"] = ""
    values["name"] = " ".join(
        part
        for part in (values["firstname"], values["infix"], values["lastname"])
        if part
    )
    if raw.get("organisation"):
        values["organisation"] = raw["organisation"]


def _default_party_type(values, raw):
    if values["kind"] == "person":
        # A contact person takes the organisation's party type (set on import).
        return None if values.get("organisation") else "citizen"
    name = values.get("name", "")
    if raw.get("cbs_code") or GOVERNMENT_WORDS.search(name):
        return "government"
    if raw.get("kvk_number") or raw.get("establishment_number"):
        return "company"
    if CIVIL_SOCIETY_WORDS.search(name):
        return "civil_society"
    return "other"


def _address(raw, values, options, problem):
    street = raw.get("street", "")
    number = raw.get("house_number", "")
    addition = raw.get("house_number_addition", "").strip(" -/")
    if number:
        match = HOUSE_NUMBER.match(number)
        if not match:
            problem("house_number", number, "house_number")
        else:
            addition = addition or match.group(2).strip(" -/")
            number = match.group(1)
            if len(addition) == 1 and addition.isalpha():
                number += addition
            elif addition:
                number += f"-{addition}"
            street = f"{street} {number}".strip()
    elif addition and street:
        street = f"{street}-{addition}"
    if street:
        values["street"] = street
    if raw.get("city"):
        values["city"] = raw["city"]
    country = options.default_country
    if raw.get("country"):
        country = options.country_codes.get(normalise_key(raw["country"]))
        if not country:
            problem("country", raw["country"], "unknown_country")
    values["country"] = country
    postcode = raw.get("zip", "")
    if postcode and country == "NL":
        try:
            values["zip"] = stdnum_postcode.validate(postcode)
        except stdnum_exceptions.ValidationError:
            problem("zip", postcode, "postcode")
    elif postcode:
        values["zip"] = postcode.upper()


def _contact(raw, values, problem):
    numbers = []
    for target in ("phone", "mobile"):
        if raw.get(target):
            try:
                numbers.append(dutch_phone.normalise(raw[target]))
            except dutch_phone.InvalidPhone:
                problem(target, raw[target], "phone")
    if numbers:
        values["phone"] = numbers[0]
    if len(numbers) > 1 and numbers[1] != numbers[0]:
        values["mobile"] = numbers[1]
    email = raw.get("email", "")
    if email:
        if EMAIL.match(email):
            values["email"] = email
        else:
            problem("email", email, "email")
