"""Validation of Dutch identifiers, free of Odoo so it can be tested on its own.

Each validator returns the compact (normalised) value or raises ``InvalidIdentifier``
with a stable reason code; the model turns the code into a translated message.
"""

import re

from stdnum import exceptions as stdnum_exceptions
from stdnum.nl import bsn as stdnum_bsn
from stdnum.util import clean, isdigits


class InvalidIdentifier(ValueError):
    def __init__(self, field, reason):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def _not_all_zeros(compact, field):
    # "00000000" has the right length and even passes the eleven test, but no
    # register hands it out: a placeholder typed to get past the check.
    if set(compact) == {"0"}:
        raise InvalidIdentifier(field, "all_zeros")
    return compact


def _digits(value, field, length):
    compact = clean(value, " -.").strip()
    if not isdigits(compact) or len(compact) != length:
        raise InvalidIdentifier(field, f"{length}_digits")
    return _not_all_zeros(compact, field)


def _eleven_test(value, field):
    # BSN and RSIN share the "elfproef"; python-stdnum implements it for the BSN.
    try:
        compact = stdnum_bsn.validate(value)
    except stdnum_exceptions.ValidationError as error:
        raise InvalidIdentifier(field, "eleven_test") from error
    return _not_all_zeros(compact, field)


CBS_CODE_PATTERN = re.compile(r"^(GM\d{4}|PV\d{2}|WS\d{4})$")


def _cbs_code(value, field):
    # CBS codes: municipalities GM0363, provinces PV26, water boards WS0155.
    compact = clean(value, " ").upper()
    if not CBS_CODE_PATTERN.match(compact):
        raise InvalidIdentifier(field, "cbs_pattern")
    return compact


VALIDATORS = {
    "bsn": _eleven_test,
    "rsin": _eleven_test,
    "kvk_number": lambda value, field: _digits(value, field, 8),
    "establishment_number": lambda value, field: _digits(value, field, 12),
    "oin": lambda value, field: _digits(value, field, 20),
    "cbs_code": _cbs_code,
}


def normalise(field, value):
    """Return the compact form of ``value`` for identifier ``field``, or raise."""
    if not value:
        return value
    return VALIDATORS[field](value, field)
