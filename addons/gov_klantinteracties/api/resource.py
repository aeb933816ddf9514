"""The plumbing every Klantinteracties resource shares: lists with Open
Klant's pagination and parameter checks, detail, create, update, delete.

A resource subclass says how its records are found, read and written; the
records may be rows of a model (partijen are relations) or fields of one
(a partij's e-mail address is a digitaal adres). Everything runs as the
API application's user, so Odoo's access rights and record rules decide
what a client sees and may change.
"""

import uuid as uuid_module

from . import ids, spec
from .errors import ApiError, invalid, not_found

REGISTRY = {}
DEFAULT_PAGE_SIZE = 100
# PostgreSQL's OFFSET and LIMIT are bigints: a larger page or page size would fail
# in the query (500). No list has that many records, so such a page is past the
# end (404, as Open Klant) and such a page size means "all".
MAX_BIGINT = 2**63 - 1


def register(cls):
    REGISTRY[cls.collection] = cls
    return cls


class Resource:
    collection = ""  # the URL segment, e.g. "partijen"
    component = ""  # the OAS schema a write is checked against
    kinds = ()  # the UUID kinds (api.ids.KINDS) of this resource's records
    detail_only_params = {"expand"}

    def __init__(self, api):
        self.api = api
        self.env = api.env

    # -- URLs and references -------------------------------------------------

    def url(self, uuid_):
        return f"{self.api.base}/{self.collection}/{uuid_}"

    def ref(self, uuid_):
        return {"uuid": uuid_, "url": self.url(uuid_)}

    def url_in(self, collection, uuid_):
        return f"{self.api.base}/{collection}/{uuid_}"

    def ref_in(self, collection, uuid_):
        return {"uuid": uuid_, "url": self.url_in(collection, uuid_)}

    def other(self, collection):
        return REGISTRY[collection](self.api)

    # -- what a subclass implements --------------------------------------------

    def find(self, kind, record_id):
        """The record behind a parsed UUID, or None when it does not exist or
        the user may not see it."""
        raise NotImplementedError

    def search(self, query, offset, limit):
        """(count, records) of the list filtered by ``query``."""
        raise NotImplementedError

    def serialize(self, record):
        raise NotImplementedError

    def serialize_page(self, records):
        """A list page; resources that can read a page at once override it."""
        return [self.serialize(record) for record in records]

    def expand(self, record, names):
        return {}

    def post(self, body):
        raise ApiError(405, "method_not_allowed", 'Methode "POST" niet toegestaan.')

    def put(self, record, body, partial):
        raise ApiError(405, "method_not_allowed", 'Methode "PATCH" niet toegestaan.')

    def remove(self, record):
        raise ApiError(405, "method_not_allowed", 'Methode "DELETE" niet toegestaan.')

    # -- the operations ----------------------------------------------------------

    def get_by_uuid(self, value):
        parsed = ids.parse_kind(value, *self.kinds)
        record = self.find(*parsed) if parsed else None
        if record is None:
            raise not_found()
        return record

    def check_params(self, query, detail=False):
        path = f"/{self.collection}/{{uuid}}" if detail else f"/{self.collection}"
        allowed = spec.list_parameters(path)
        unknown = sorted(set(query) - allowed)
        if unknown:
            raise ApiError(
                400,
                "unknown-parameters",
                invalid_params=[
                    {
                        "name": "nonFieldErrors",
                        "code": "unknown-parameters",
                        "reason": "Onbekende query parameters: " + ", ".join(unknown),
                    }
                ],
            )
        # PostgreSQL cannot hold a NUL in a string: such a filter value would fail
        # in the query (500). Open Klant's filters refuse it (Django's
        # ProhibitNullCharactersValidator): 400 under the parameter's name.
        for name, value in sorted(query.items()):
            if "\x00" in value:
                raise invalid(
                    name,
                    "null_characters_not_allowed",
                    "Null-tekens zijn niet toegestaan.",
                )
        names = self.expand_names(query, path)
        return names

    def expand_names(self, query, path):
        raw = query.get("expand")
        if raw is None:
            return None
        names = [name.strip() for name in raw.split(",") if name.strip()]
        choices = spec.expand_choices(path)
        wrong = [name for name in names if name not in choices]
        if wrong:
            raise invalid(
                "expand",
                "invalid_choice",
                f"Selecteer een geldige keuze. {wrong[0]} is niet een van de "
                "beschikbare keuzes.",
            )
        return names

    def list(self, query):
        names = self.check_params(query)
        page, size = self.page_of(query)
        filters = {
            k: v for k, v in query.items() if k not in ("page", "pageSize", "expand")
        }
        if (page - 1) * size > MAX_BIGINT:
            raise ApiError(404, "not_found", "Ongeldige pagina.")
        count, records = self.search(filters, (page - 1) * size, size)
        if page > 1 and (page - 1) * size >= count:
            raise ApiError(404, "not_found", "Ongeldige pagina.")
        results = self.serialize_page(records)
        for record, item in zip(records, results, strict=True):
            item["_expand"] = self.expand(record, names) if names else {}
        return {
            "count": count,
            "next": self.api.page_url(page + 1) if page * size < count else None,
            "previous": self.api.page_url(page - 1) if page > 1 else None,
            "results": results,
        }

    def page_of(self, query):
        try:
            page = int(query.get("page", 1))
        except ValueError as error:
            raise ApiError(404, "not_found", "Ongeldige pagina.") from error
        if page < 1:
            raise ApiError(404, "not_found", "Ongeldige pagina.")
        try:
            size = int(query.get("pageSize") or DEFAULT_PAGE_SIZE)
        except ValueError:
            size = DEFAULT_PAGE_SIZE
        return page, min(size, MAX_BIGINT) if size > 0 else DEFAULT_PAGE_SIZE

    def retrieve(self, value, query):
        names = self.check_params(query, detail=True)
        record = self.get_by_uuid(value)
        item = self.serialize(record)
        if names:
            item["_expand"] = self.expand(record, names)
        return item

    def validate(self, body, partial=False):
        if not isinstance(body, dict):
            raise invalid(
                "nonFieldErrors", "invalid", "Ongeldige data. Verwacht een dictionary."
            )
        problems = spec.invalid_params(self.component, body, partial=partial)
        if problems:
            raise ApiError(400, "invalid", invalid_params=problems)


def search_union(parts, offset, limit):
    """(count, [(tag, record)]) of a list made of several searches in a row;
    ``parts`` are (tag, model, domain), each listed by id."""
    counted = [
        (tag, model, domain, model.search_count(domain)) for tag, model, domain in parts
    ]
    records = []
    for tag, model, domain, count in counted:
        if offset >= count:
            offset -= count
            continue
        if len(records) >= limit:
            break
        found = model.search(
            domain, offset=offset, limit=limit - len(records), order="id"
        )
        records += [(tag, record) for record in found]
        offset = 0
    return sum(count for *_rest, count in counted), records


# -- helpers for filters ------------------------------------------------------


def uuid_filter(value, name, *kinds):
    """The record id behind a UUID filter value; a malformed UUID is a 400
    under the parameter's name (Open Klant 2.18.0), a UUID of a record that
    is not ours matches nothing (id 0)."""
    try:
        uuid_module.UUID(value)
    except ValueError as error:
        raise invalid(name, "invalid", "Voer een geldige UUID in.") from error
    parsed = ids.parse_kind(value, *kinds)
    return parsed[1] if parsed else 0


def url_filter(value, name, *kinds):
    return uuid_filter(ids.uuid_from_url(value), name, *kinds)


def boolean_filter(value):
    """Open Klant ignores an invalid boolean (``vertrouwelijk=maybe``): None."""
    lowered = str(value).lower()
    if lowered in ("true", "1"):
        return True
    if lowered in ("false", "0"):
        return False
    return None
