"""One API call: route it to its resource and turn the outcome into Open
Klant's answer (status, JSON body, headers). No HTTP here, so that tests and
benchmarks can call it with any environment."""

from urllib.parse import urlencode

from . import ids
from .errors import ApiError, not_found
from .resource import REGISTRY

COLLECTION_METHODS = {"GET", "POST"}
DETAIL_METHODS = {"GET", "PUT", "PATCH", "DELETE"}
# Operations that exist only as a POST on a collection-like path.
ACTIONS = {"maak-klantcontact"}


class Api:
    def __init__(self, env, base, query=None):
        """``base`` is the API root as the client called it
        (``https://host/klantinteracties/api/v1``); ``query`` the call's query
        parameters (a dict), used for the next/previous page links."""
        self.env = env
        self.base = base.rstrip("/")
        self.query = dict(query or {})
        self.collection = ""

    def page_url(self, page):
        query = dict(self.query, page=page)
        return f"{self.base}/{self.collection}?{urlencode(query)}"

    def handle(self, method, path, body=None):
        """(status, body or None, extra headers) for ``method`` on ``path``
        (relative to the API root, e.g. "partijen/<uuid>")."""
        parts = [part for part in path.strip("/").split("/") if part]
        if not parts or len(parts) > 2:
            raise not_found()
        self.collection = parts[0]
        if self.collection in ACTIONS:
            if len(parts) != 1:
                raise not_found()
            if method != "POST":
                raise _not_allowed(method)
            resource = REGISTRY[self.collection](self)
            return 201, resource.post(body), {}
        if self.collection not in REGISTRY:
            raise not_found()
        resource = REGISTRY[self.collection](self)
        if len(parts) == 1:
            if method not in COLLECTION_METHODS:
                raise _not_allowed(method)
            if method == "GET":
                return 200, resource.list(self.query), {}
            resource.validate(body)
            record = resource.post(body)
            item = resource.serialize(record)
            return 201, item, {"Location": item["url"]}
        if method not in DETAIL_METHODS:
            raise _not_allowed(method)
        if method == "GET":
            return 200, resource.retrieve(parts[1], self.query), {}
        record = resource.get_by_uuid(parts[1])
        if method == "DELETE":
            resource.remove(record)
            return 204, None, {}
        partial = method == "PATCH"
        resource.validate(body, partial=partial)
        record = resource.put(record, body, partial) or record
        return 200, resource.serialize(record), {}


def _not_allowed(method):
    return ApiError(405, "method_not_allowed", f'Methode "{method}" niet toegestaan.')


__all__ = ["Api", "ApiError", "ids"]
