"""Delivery rules for campaign mail, free of Odoo so they test fast.

- Which SMTP errors are worth another try (the server is away or says
  "try again later": 4xx) and which are final (5xx: the address does not
  exist, the message is refused).
- How long to wait before the next try.
- A message policy that writes ``List-Unsubscribe`` as ``<URL>`` on one line.
  Python's e-mail package folds a header longer than 78 characters; a URL has
  no space to fold at, so it falls back to RFC 2047 encoded words
  (``=?utf-8?q?=3Chttp...?=``), which mail clients do not read as a link.
"""

import smtplib
from contextvars import ContextVar

# The first send and the retries together.
MAX_ATTEMPTS = 5
# Minutes to wait after the 1st, 2nd, ... failed attempt.
BACKOFF_MINUTES = (2, 10, 30, 120)

# Headers written as they are, never folded or encoded (RFC 2369, RFC 8058).
UNFOLDED_HEADERS = frozenset({"list-unsubscribe", "list-unsubscribe-post"})

# The SMTP error of the last send in this thread: mail.mail reads it to tell
# a transient failure from a final one (Odoo hands it only a text).
LAST_SMTP_ERROR = ContextVar("gov_last_smtp_error", default=None)
# The mail.mail being sent: when the SMTP session dies, Odoo raises past its
# own bookkeeping and this says which mail was in flight.
MAIL_IN_FLIGHT = ContextVar("gov_mail_in_flight", default=None)


def is_transient(error):
    """True when ``error`` (or the error it was raised from) means "try later".

    >>> is_transient(smtplib.SMTPDataError(451, b"try later"))
    True
    >>> is_transient(smtplib.SMTPDataError(554, b"rejected"))
    False
    >>> is_transient(ConnectionRefusedError())
    True
    """
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, smtplib.SMTPRecipientsRefused):
            codes = [code for code, _message in error.recipients.values()]
            return bool(codes) and all(400 <= code < 500 for code in codes)
        if isinstance(error, smtplib.SMTPResponseException):
            return 400 <= error.smtp_code < 500
        if isinstance(error, (smtplib.SMTPServerDisconnected, OSError)):
            return True
        error = error.__cause__ or error.__context__
    return False


def backoff_minutes(attempt):
    """Minutes to wait after failed attempt number ``attempt`` (1-based)."""
    index = min(max(attempt, 1), len(BACKOFF_MINUTES)) - 1
    return BACKOFF_MINUTES[index]


def unfolded_list_policy(policy):
    """``policy`` that leaves the list headers on one line, as they are."""
    if getattr(policy, "gov_unfolded_list_headers", False):
        return policy
    no_fold = policy.clone(max_line_length=None)
    base = type(policy)

    class ListHeaderPolicy(base):
        gov_unfolded_list_headers = True

        def _fold(self, name, value, *args, **kwargs):
            if name.lower() in UNFOLDED_HEADERS:
                return no_fold._fold(name, value, *args, **kwargs)
            return super()._fold(name, value, *args, **kwargs)

    # Keep every setting of the original policy (line separator, length, ...).
    settings = {
        name: getattr(policy, name)
        for name in (
            "max_line_length",
            "linesep",
            "cte_type",
            "raise_on_defect",
            "mangle_from_",
            "utf8",
            "refold_source",
        )
        if hasattr(policy, name)
    }
    return ListHeaderPolicy(**settings)
