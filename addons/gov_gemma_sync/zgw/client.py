"""HTTP client for one ZGW API (Zaken, Catalogi, Klantinteracties, Notificaties).

Requests always carry a timeout; errors become the exceptions of ``errors``.
Query strings can hold a BSN, so they are never logged and never put in an
exception message; requests' own exceptions are not chained for that reason.
"""

import logging
import socket
from urllib.parse import urlsplit

import requests

from . import errors

_logger = logging.getLogger(__name__)

CRS = "EPSG:4326"
# Resource listed by "test connection", and whether its list is paginated.
PROBES = {
    "zaken": ("zaken", True),
    "catalogi": ("catalogussen", True),
    "klantinteracties": ("partijen", True),
    "notificaties": ("kanaal", False),
}
MAX_PAGES = 1000
_DNS_MARKERS = (
    "NameResolutionError",
    "Name or service not known",
    "nodename nor servname",
    "getaddrinfo failed",
    "Temporary failure in name resolution",
)


def _is_dns_failure(exc):
    seen, todo = set(), [exc]
    while todo:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, socket.gaierror) or any(
            marker in f"{type(item).__name__} {item}" for marker in _DNS_MARKERS
        ):
            return True
        if isinstance(item, BaseException):
            todo += [item.__cause__, item.__context__, getattr(item, "reason", None)]
            todo += [arg for arg in item.args if isinstance(arg, BaseException)]
    return False


class ZgwClient:
    def __init__(
        self, base_url, auth, api_type, timeout=10.0, api_version=None, observer=None
    ):
        self.base_url = base_url.rstrip("/")
        # Called with None after every answered request, with the ZgwError
        # after every failed one (the connection's last success / last error).
        self.observer = observer
        self.auth = auth
        self.api_type = api_type
        self.timeout = timeout
        self.api_version = api_version or None
        self.session = requests.Session()
        parts = urlsplit(self.base_url)
        self.host = parts.netloc or self.base_url
        self._origin = (parts.scheme, parts.netloc)

    def url(self, path):
        if path.startswith(("http://", "https://")):
            return path
        return f"{self.base_url}/{path.lstrip('/')}"

    def owns(self, url):
        """True when ``url`` lies under this service's base URL."""
        return bool(url) and url.startswith(self.base_url + "/")

    def _check_origin(self, url):
        parts = urlsplit(url)
        if (parts.scheme, parts.netloc) != self._origin:
            raise errors.ZgwForeignUrlError(self.host, url=parts.netloc or url)

    def request(self, method, path, params=None, json=None, crs=False, gone_ok=False):
        """Send one request and return ``(json_body, response)``.

        With ``gone_ok``, a resource the server says is gone (410, or 404 with
        a JSON problem body) gives ``(None, response)`` instead of an error.
        """
        try:
            result = self._request(method, path, params, json, crs, gone_ok)
        except errors.ZgwError as error:
            if self.observer:
                self.observer(error)
            raise
        if self.observer:
            self.observer(None)
        return result

    def _request(self, method, path, params, json, crs, gone_ok):
        url = self.url(path)
        self._check_origin(url)
        headers = {"Accept": "application/json", "Authorization": self.auth.header()}
        if crs:
            # Zaken (Open Zaak) answers 412 without Accept-Crs on /zaken*.
            headers["Accept-Crs"] = CRS
            if json is not None:
                headers["Content-Crs"] = CRS
        _logger.debug("ZGW %s %s", method, url.split("?", 1)[0])
        try:
            response = self.session.request(
                method,
                url,
                params=params,
                json=json,
                headers=headers,
                timeout=self.timeout,
            )
        except requests.exceptions.SSLError:
            raise errors.ZgwTlsError(self.host) from None
        except requests.exceptions.Timeout:
            raise errors.ZgwTimeoutError(self.host, timeout=self.timeout) from None
        except requests.exceptions.ConnectionError as exc:
            if _is_dns_failure(exc):
                raise errors.ZgwDnsError(self.host) from None
            raise errors.ZgwUnreachableError(self.host) from None
        except requests.exceptions.RequestException:
            raise errors.ZgwError(self.host) from None
        if gone_ok and self._is_gone(response):
            return None, response
        self._raise_for_status(response, url)
        return self._json(response, url), response

    @staticmethod
    def _is_gone(response):
        """410, or a 404 that the API itself answered (a JSON problem body).

        A 404 page of a web server (HTML) means a wrong base URL instead.
        """
        if response.status_code == 410:
            return True
        if response.status_code != 404:
            return False
        if "json" not in response.headers.get("Content-Type", ""):
            return False
        try:
            body = response.json()
        except ValueError:
            return False
        return isinstance(body, dict) and "detail" in body

    def _raise_for_status(self, response, url):
        status = response.status_code
        if status < 400:
            return
        if status == 401:
            raise errors.ZgwAuthenticationError(self.host)
        if status == 403:
            raise errors.ZgwForbiddenError(self.host)
        if status in (404, 405):
            raise self._wrong_api(url)
        if status >= 500:
            raise errors.ZgwServerError(self.host, status=status)
        raise errors.ZgwRequestError(
            self.host, status=status, detail=self._problem_detail(response)
        )

    @staticmethod
    def _problem_detail(response):
        try:
            body = response.json()
        except ValueError:
            return response.reason or ""
        if not isinstance(body, dict):
            return ""
        reasons = [
            item.get("reason", "")
            for item in body.get("invalidParams") or body.get("invalid-params") or []
            if isinstance(item, dict)
        ]
        return "; ".join(filter(None, [body.get("title"), *reasons]))

    def _wrong_api(self, url):
        return errors.ZgwWrongApiError(
            self.host, url=url.split("?", 1)[0], api=self.api_type.capitalize()
        )

    def _json(self, response, url):
        if response.status_code == 204:
            return None
        if "json" not in response.headers.get("Content-Type", ""):
            raise self._wrong_api(url)
        try:
            return response.json()
        except ValueError:
            raise self._wrong_api(url) from None

    def get(self, path, params=None, crs=False, gone_ok=False):
        return self.request("GET", path, params=params, crs=crs, gone_ok=gone_ok)[0]

    def iter_list(self, path, params=None, crs=False):
        """Yield the results of a paginated list, following ``next``."""
        url, seen = self.url(path), set()
        for _page in range(MAX_PAGES):
            body = self.get(url, params=params, crs=crs)
            if not isinstance(body, dict) or not isinstance(body.get("results"), list):
                raise self._wrong_api(url)
            yield from body["results"]
            url, params = body.get("next"), None
            if not url or url in seen:
                return
            seen.add(url)

    def check_connection(self):
        """Call a cheap list of this API; return the reported API version."""
        resource, paginated = PROBES[self.api_type]
        url = self.url(resource)
        body, response = self.request(
            "GET",
            url,
            params={"page": 1} if paginated else None,
            crs=self.api_type == "zaken",
        )
        found = response.headers.get("API-version")
        if paginated:
            shape_ok = isinstance(body, dict) and isinstance(body.get("results"), list)
        else:
            shape_ok = isinstance(body, list)
        if not found or not shape_ok:
            raise self._wrong_api(url)
        if self.api_version and found.split(".")[0] != self.api_version.split(".")[0]:
            raise errors.ZgwVersionError(
                self.host, found=found, expected=self.api_version
            )
        return found
