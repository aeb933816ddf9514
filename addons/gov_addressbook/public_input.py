"""Checks for what anonymous visitors type on the public forms, without Odoo.

The public forms of the Loket (``/loket/vraag``) and of the Campagne (topics,
events) share these rules, so a visitor meets the same limits everywhere:

- ``check_text`` refuses control characters (a NUL byte would make PostgreSQL
  fail) and text longer than the field's maximum, and returns the cleaned text;
- ``clean_form`` applies it to every field of a form and returns error codes
  per field, which the Odoo side turns into translated messages;
- ``client_key`` turns the client's network address into the key of the
  per-address rate limit: an IPv4 address as it is, an IPv6 address as its
  /64 network (one household or office gets a whole /64, so counting single
  IPv6 addresses would let one visitor pose as thousands).

The client address must come from ``request.httprequest.remote_addr``: Odoo
only lets ``X-Forwarded-For`` replace it when it runs with ``--proxy-mode``
behind a proxy that sets that header (and ``X-Forwarded-Host``), so a visitor
cannot pick their own address by sending the header themselves.
"""

import ipaddress
import re

# Maximum lengths, in characters, of the text fields of the public forms.
MAX_NAME = 120
MAX_EMAIL = 254  # the longest address SMTP can deliver (RFC 5321)
MAX_PHONE = 32
MAX_POSTCODE = 16
MAX_QUESTION = 5000
MAX_ID = 10  # digits of a record id chosen in a form (PostgreSQL int4)

# Rate limits per hour when no setting says otherwise: an e-mail address is
# one person; a network address may be a library, a school or a proxy with many
# citizens behind it, so it gets a higher cap.
DEFAULT_LIMIT_PER_EMAIL = 5
DEFAULT_LIMIT_PER_CLIENT = 30

# The hidden field people never see nor fill in; robots filling every field do.
HONEYPOT_FIELD = "homepage"

# Characters nobody types in a form: C0 and C1 control characters (NUL among
# them) except tab, line feed and carriage return, DEL, lone surrogates, and
# the bidirectional overrides and isolates that make text display otherwise
# than it reads (a name that shows as someone else's).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

# Error codes returned per field.
REQUIRED = "required"
TOO_LONG = "too_long"
CONTROL_CHARS = "control_chars"


def has_control_chars(value):
    """True when ``value`` holds a character that no visitor types."""
    return bool(_FORBIDDEN.search(str(value or "")))


def strip_control_chars(value):
    """``value`` without those characters (to show it back to the visitor)."""
    return _FORBIDDEN.sub("", str(value or ""))


def check_text(value, max_length, multiline=False, required=False):
    """Return ``(text, error_code)`` for one field typed on a public form.

    Single-line text has its runs of white space collapsed to one space;
    multi-line text keeps its lines (with ``\\n`` line ends) and loses the
    white space around it. ``error_code`` is None, or one of ``REQUIRED``,
    ``TOO_LONG``, ``CONTROL_CHARS``; the text is "" whenever there is an error.
    """
    raw = "" if value is None else str(value)
    if has_control_chars(raw):
        return "", CONTROL_CHARS
    if multiline:
        text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    else:
        text = " ".join(raw.split())
    if not text:
        return "", REQUIRED if required else None
    if len(text) > max_length:
        return "", TOO_LONG
    return text, None


def clean_form(form, spec):
    """Check the fields of ``form`` named in ``spec``; return ``(values, errors)``.

    ``spec`` maps a field name to ``(max_length, multiline, required)``;
    ``values`` holds the clean text of every field in ``spec`` and ``errors``
    an error code per field that failed.
    """
    values, errors = {}, {}
    for field, (max_length, multiline, required) in spec.items():
        text, error = check_text(form.get(field), max_length, multiline, required)
        values[field] = text
        if error:
            errors[field] = error
    return values, errors


def echo_value(value, max_length):
    """A field's raw input made safe to show back in the form after an error:
    without control characters and cut off well past the maximum, so a visitor
    who typed a little too much can shorten it, while a flood is not echoed."""
    return strip_control_chars(value)[: 2 * max_length]


def is_spam(form, field=HONEYPOT_FIELD):
    """True when the hidden honeypot field was filled in."""
    return bool(str(form.get(field) or "").strip())


def client_key(remote_addr):
    """The key of the per-address rate limit for a client address, or None.

    IPv4 addresses are kept as they are; an IPv4 address mapped into IPv6 is
    unwrapped; any other IPv6 address counts as its /64 network.
    """
    try:
        address = ipaddress.ip_address(str(remote_addr or "").strip())
    except ValueError:
        return None
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def limit_value(value, default):
    """A rate limit read from a setting: a positive whole number, else ``default``."""
    try:
        limit = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return limit if limit > 0 else default
