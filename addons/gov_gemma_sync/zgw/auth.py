"""Authentication for ZGW APIs: a ZGW JWT (HS256) or a static token."""

import time

import jwt

# The AuditTrail fields gebruikersId / gebruikersWeergave allow 255 characters.
_CLAIM_MAX = 255


class ZgwJwtAuth:
    """Mint a fresh ZGW JWT for every request.

    The claims follow the ZGW standard (as Open Zaak and Open Notificaties
    check them): ``iss`` and ``client_id`` are our client ID, ``iat`` the
    current Unix time, ``user_id`` / ``user_representation`` the end user for
    the audit trail. A token per request avoids expiry (one hour, no leeway).
    """

    def __init__(self, client_id, secret, user_id="", user_representation=""):
        if not client_id or not secret:
            raise ValueError("A ZGW JWT needs a client ID and a secret.")
        self.client_id = client_id
        self._secret = secret
        self.user_id = (user_id or "")[:_CLAIM_MAX]
        self.user_representation = (user_representation or "")[:_CLAIM_MAX]

    def __repr__(self):
        return f"ZgwJwtAuth(client_id={self.client_id!r})"

    def claims(self, now=None):
        return {
            "iss": self.client_id,
            "iat": int(now if now is not None else time.time()),
            "client_id": self.client_id,
            "user_id": self.user_id,
            "user_representation": self.user_representation,
        }

    def token(self, now=None):
        return jwt.encode(
            self.claims(now),
            self._secret,
            algorithm="HS256",
            headers={"typ": "JWT"},
        )

    def header(self):
        return f"Bearer {self.token()}"


class StaticTokenAuth:
    """Open Klant style ``Authorization: Token <key>``."""

    def __init__(self, token, prefix="Token"):
        if not token:
            raise ValueError("A static token is empty.")
        self._token = token
        self.prefix = prefix

    def __repr__(self):
        return "StaticTokenAuth(***)"

    def header(self):
        return f"{self.prefix} {self._token}"
