"""Phone numbers in one notation, whatever notation a file or a person used. No Odoo.

Dutch numbers are stored internationally with the area code set apart, as the
Dutch numbering plan groups them: "+31 30 123 4567", "+31 575 123456",
"+31 6 12345678". Foreign numbers keep their own digits: "+32 2 1234567" stays
"+32 21234567" (no grouping: we do not know every country's plan). The address
book searches the digits in any notation (see quick_search.phone_digits).
"""

import re

# Dutch area codes of two digits after the 0 (the rest have three); 6 is mobile.
TWO_DIGIT_AREAS = {
    "10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40",
    "43", "45", "46", "50", "53", "55", "58", "70", "71", "72", "73", "74", "75",
    "76", "77", "78", "79",
    "84", "85", "87", "88", "91",  # nationwide numbers, grouped the same way
}  # fmt: skip
# Service numbers: 0800 / 0900 / 0906 / 0909 followed by 4 or 7 digits.
SERVICE = re.compile(r"^0(800|900|906|909)(\d{4}|\d{7})$")


class InvalidPhone(ValueError):
    """Not a phone number we can store in one notation."""


def normalise(value):
    """The number in our one notation, or raise InvalidPhone."""
    text = (value or "").strip()
    if not text:
        return ""
    if re.search(r"[^\d\s()+.\-/]", text):
        raise InvalidPhone(value)
    text = text.replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if text.startswith("+"):
        international = digits
    elif digits.startswith("00"):
        international = digits[2:]
    else:
        international = None
    if international is not None and not international.startswith("31"):
        if not 7 <= len(international) <= 15:
            raise InvalidPhone(value)
        return f"+{international[:2]} {international[2:]}"
    national = "0" + international[2:] if international is not None else digits
    service = SERVICE.match(national)
    if service:
        return f"0{service.group(1)} {service.group(2)}"
    if len(national) != 10 or not national.startswith("0") or national[1] == "0":
        raise InvalidPhone(value)
    subscriber = national[1:]
    if subscriber.startswith("6"):
        return f"+31 6 {subscriber[1:]}"
    if subscriber[:2] in TWO_DIGIT_AREAS:
        rest = subscriber[2:]
        return f"+31 {subscriber[:2]} {rest[:3]} {rest[3:]}"
    return f"+31 {subscriber[:3]} {subscriber[3:]}"
