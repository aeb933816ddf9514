"""Plain-Python client for the ZGW APIs (no Odoo imports here)."""

from .auth import StaticTokenAuth, ZgwJwtAuth
from .client import ZgwClient
from .errors import (
    ZgwAuthenticationError,
    ZgwDnsError,
    ZgwError,
    ZgwForeignUrlError,
    ZgwForbiddenError,
    ZgwGoneError,
    ZgwReferenceTakenError,
    ZgwRequestError,
    ZgwServerError,
    ZgwTimeoutError,
    ZgwTlsError,
    ZgwUnreachableError,
    ZgwVersionError,
    ZgwWrongApiError,
)

__all__ = [
    "StaticTokenAuth",
    "ZgwAuthenticationError",
    "ZgwClient",
    "ZgwDnsError",
    "ZgwError",
    "ZgwForbiddenError",
    "ZgwForeignUrlError",
    "ZgwGoneError",
    "ZgwJwtAuth",
    "ZgwReferenceTakenError",
    "ZgwRequestError",
    "ZgwServerError",
    "ZgwTimeoutError",
    "ZgwTlsError",
    "ZgwUnreachableError",
    "ZgwVersionError",
    "ZgwWrongApiError",
]
