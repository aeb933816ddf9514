"""Checks on a mail arriving at a Loket alias, without Odoo.

- ``sender_verdict``: whether the ``From`` address is vouched for by the
  receiving mail server (SPF, DKIM, DMARC in ``Authentication-Results``,
  RFC 8601), with DMARC's relaxed alignment to the ``From`` domain.
- ``automatic_reason``: whether the mail was sent by a machine (out of office,
  list, bulk), from ``Auto-Submitted`` (RFC 3834), ``X-Autoreply`` and
  ``Precedence``.
- ``mask_bsns``: citizen service numbers (BSN, eleven test) in a text, masked
  as ``*****6782``.
- ``decode_raw_header``: a header sent as raw 8-bit bytes (no RFC 2047),
  decoded as UTF-8 or else Windows-1252.
- ``unpack_tnef``: the files inside an Outlook ``winmail.dat``.
"""

import re

from stdnum.nl import bsn as nl_bsn

PASS = "pass"
FAIL = "fail"
MISALIGNED = "misaligned"
NONE = "none"

# Headers that show where a mail came from, kept on the request.
ORIGIN_HEADERS = (
    "Return-Path",
    "From",
    "Sender",
    "Reply-To",
    "Authentication-Results",
    "Received",
)
MAX_RECEIVED = 3
MAX_ORIGIN_CHARS = 4000

_COMMENT_RE = re.compile(r"\([^()]*\)")
_RESULT_RE = re.compile(r"^\s*([a-z0-9_-]+)\s*=\s*([a-z]+)", re.IGNORECASE)
_PROPERTY_RE = re.compile(
    r"([a-z0-9_-]+\.[a-z0-9_-]+)\s*=\s*(\"[^\"]*\"|[^\s;]+)", re.IGNORECASE
)
# Nine digits, optionally written in groups (1234 56 782, 1234.56.782).
_BSN_RE = re.compile(r"(?<![\d])(\d{4})[ .]?(\d{2})[ .]?(\d{3})(?![\d])")
_BRACKET_RE = re.compile(r"\[([A-Za-z0-9/_-]{3,32})\]")
_SURROGATE_RE = re.compile("[\udc80-\udcff]")

AUTOMATIC_PRECEDENCE = {"bulk", "junk", "list", "auto_reply", "auto-reply"}


def _domain(value):
    """Lower-cased domain of an address or a bare domain."""
    value = (value or "").strip().strip("<>\"'").lower()
    return value.rpartition("@")[2].rstrip(".")


def aligned(domain, from_domain):
    """Relaxed alignment: one domain equals the other or is a subdomain of it.

    The shorter domain must have at least two labels, so that a top-level
    domain never aligns with everything under it.
    """
    if not domain or not from_domain:
        return False
    if domain == from_domain:
        return True
    shorter, longer = sorted((domain, from_domain), key=len)
    return "." in shorter and longer.endswith("." + shorter)


def parse_authentication_results(value):
    """``(authserv_id, [(method, result, {property: value})])`` of one header."""
    value = _COMMENT_RE.sub(" ", value or "")
    parts = [part.strip() for part in value.split(";")]
    authserv_id = parts[0].split()[0].lower() if parts and parts[0] else ""
    results = []
    for part in parts[1:]:
        match = _RESULT_RE.match(part)
        if not match:
            continue
        properties = {
            name.lower(): prop.strip('"').lower()
            for name, prop in _PROPERTY_RE.findall(part[match.end() :])
        }
        results.append((match.group(1).lower(), match.group(2).lower(), properties))
    return authserv_id, results


def _describe(results):
    return "; ".join(
        " ".join([f"{method}={result}"] + [f"{k}={v}" for k, v in props.items()])
        for method, result, props in results
    )


def sender_verdict(from_address, header_values, authserv_id=None):
    """``(status, detail)`` of a mail's ``From`` address.

    ``header_values`` are the ``Authentication-Results`` headers from the top
    down. The receiving server puts its own on top (and removes look-alikes
    that arrived with the mail); one that names ``authserv_id`` is used when it
    is given, else the topmost. Status is ``pass`` only when DMARC passed for
    the ``From`` domain, or (without a DMARC verdict) when DKIM or SPF passed
    for a domain aligned with it.
    """
    from_domain = _domain(from_address)
    chosen = None
    for value in header_values or ():
        server, results = parse_authentication_results(value)
        if authserv_id and server != authserv_id.strip().lower():
            continue
        chosen = results
        break
    if chosen is None:
        return NONE, ""
    detail = _describe(chosen)
    for method, result, props in chosen:
        if method != "dmarc":
            continue
        header_from = props.get("header.from")
        if header_from and not aligned(_domain(header_from), from_domain):
            continue
        if result == PASS:
            return PASS, detail
        if result in ("fail", "quarantine", "reject"):
            return FAIL, detail
    any_pass = False
    for method, result, props in chosen:
        if result != PASS:
            continue
        if method == "dkim":
            domain = props.get("header.d") or _domain(props.get("header.i"))
        elif method == "spf":
            domain = _domain(props.get("smtp.mailfrom") or props.get("smtp.helo"))
        else:
            continue
        any_pass = True
        if aligned(_domain(domain), from_domain):
            return PASS, detail
    return (MISALIGNED if any_pass else FAIL), detail


def automatic_reason(headers):
    """Why a mail is automatic (a header and its value), or an empty string.

    ``headers`` maps a lower-case header name to its value.
    """
    auto_submitted = (headers.get("auto-submitted") or "").split(";")[0].strip()
    if auto_submitted and auto_submitted.lower() != "no":
        return f"Auto-Submitted: {auto_submitted}"
    for name in ("x-autoreply", "x-autorespond", "x-autogenerated"):
        value = (headers.get(name) or "").strip()
        if value and value.lower() not in ("no", "false", "0"):
            return f"{name}: {value}"
    precedence = (headers.get("precedence") or "").strip().lower()
    if precedence in AUTOMATIC_PRECEDENCE:
        return f"Precedence: {precedence}"
    return ""


def mask_bsn(digits):
    return "*****" + digits[-4:]


def mask_bsns(text):
    """``(masked text, [BSN, ...])`` for the valid BSNs in ``text``."""
    found = []

    def replace(match):
        digits = "".join(match.groups())
        if digits == "000000000" or not nl_bsn.is_valid(digits):
            return match.group(0)
        if digits not in found:
            found.append(digits)
        return mask_bsn(digits)

    if not text:
        return text, found
    return _BSN_RE.sub(replace, text), found


def bracketed_numbers(subject):
    """Request numbers written between brackets in a subject: ``[HT00365]``."""
    return _BRACKET_RE.findall(subject or "")


def decode_raw_header(value):
    """The text of a header that arrived as raw 8-bit bytes, or None when it
    holds none (the mail parser then decoded it correctly)."""
    if not value or not _SURROGATE_RE.search(value):
        return None
    raw = value.encode("ascii", "surrogateescape")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    return " ".join(text.split())


def unpack_tnef(data):
    """``[(file name, bytes)]`` of the attachments in a ``winmail.dat``,
    plus ``("message.txt", body)`` when it holds only a plain body.

    Returns None when ``data`` is not TNEF (the attachment is then kept as is).
    """
    from tnefparse import TNEF  # noqa: PLC0415 - only needed for winmail.dat

    try:
        tnef = TNEF(data, do_checksum=False)
    except Exception:  # any decoding error: keep the original attachment
        return None
    files = [
        (attachment.long_filename() or attachment.name or "attachment", attachment.data)
        for attachment in tnef.attachments
        if attachment.data
    ]
    if tnef.htmlbody:
        html = tnef.htmlbody
        files.append(("message.html", html.encode() if isinstance(html, str) else html))
    elif tnef.body:
        body = tnef.body
        files.append(("message.txt", body.encode() if isinstance(body, str) else body))
    return files
