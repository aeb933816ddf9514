"""Links and headers for topic subscriptions, free of Odoo so they test fast.

A subscription is identified in public links by a random token only: it is
the secret that proves the person holds the mailbox the link was sent to.
"""

import secrets
from urllib.parse import quote

TOKEN_BYTES = 32
# token_urlsafe(32) gives 43 characters; refuse anything far off at once.
TOKEN_MIN_LENGTH = 20
TOKEN_MAX_LENGTH = 128
TOKEN_ALPHABET = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)
# What the stored copies of a mail (mail.message, mail.mail, chatter) carry in
# place of the token: staff may read those, and the token is the subscriber's
# secret. Too short to be well-formed, so the pages answer it as a bad link.
# The real token is put in only as the mail leaves (see :func:`reveal`).
HIDDEN_TOKEN = "hidden"
LINK_PATHS = ("/gov/topics/confirm/", "/gov/topics/unsubscribe/")


def new_token():
    """A fresh, unguessable token for confirm and unsubscribe links."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_wellformed_token(token):
    """True when ``token`` could have come from :func:`new_token`.

    Lets the web pages answer a mangled link without touching the database.
    """
    return (
        isinstance(token, str)
        and TOKEN_MIN_LENGTH <= len(token) <= TOKEN_MAX_LENGTH
        and set(token) <= TOKEN_ALPHABET
    )


def confirm_url(base_url, token):
    return f"{base_url.rstrip('/')}/gov/topics/confirm/{quote(token)}"


def unsubscribe_url(base_url, token):
    return f"{base_url.rstrip('/')}/gov/topics/unsubscribe/{quote(token)}"


def one_click_url(base_url, token):
    return unsubscribe_url(base_url, token) + "/one-click"


def unsubscribe_headers(base_url, token):
    """Mail headers for a one-click unsubscribe (RFC 2369 and RFC 8058)."""
    return {
        "List-Unsubscribe": f"<{one_click_url(base_url, token)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Precedence": "list",
        "X-Auto-Response-Suppress": "OOF",
    }


def reveal(text, token):
    """``text`` with the hidden token of every topic link replaced by ``token``.

    >>> reveal("https://x.example/gov/topics/confirm/hidden", "abc")
    'https://x.example/gov/topics/confirm/abc'
    """
    if not text or not token:
        return text
    for path in LINK_PATHS:
        text = text.replace(f"{path}{HIDDEN_TOKEN}", f"{path}{quote(token)}")
    return text
