"""Parse what a user types in the one search box. No Odoo."""

import re

POSTCODE_HOUSE_NUMBER = re.compile(
    r"^\s*(\d{4})\s*([a-zA-Z]{2})\s*(?:(\d+)\s*([a-zA-Z]?))?\s*$"
)


def phone_digits(value):
    """Normalise a phone number in any notation to national digits.

    "+31 (0)6-1234 5678", "0031612345678" and "06 12345678" all give "0612345678".
    """
    if not value:
        return ""
    text = value.strip().replace("(0)", "")
    digits = re.sub(r"\D", "", text)
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif text.startswith("+31"):
        digits = "0" + digits[2:]
    return digits


def parse(term):
    """Return a dict of what ``term`` can be: name, email, phone, postcode, numbers."""
    term = (term or "").strip()
    result = {"text": term}
    if "@" in term:
        result["email"] = term
    match = POSTCODE_HOUSE_NUMBER.match(term)
    if match:
        result["postcode"] = f"{match.group(1)} {match.group(2).upper()}"
        if match.group(3):
            result["house_number"] = match.group(3) + match.group(4).lower()
    if re.fullmatch(r"[\d\s()+.\-/]+", term):
        digits = re.sub(r"\D", "", term)
        result["digits"] = digits
        if len(digits) >= 6:
            result["phone"] = phone_digits(term)
    return result


def street_has_number(street, house_number):
    """True when ``street`` ends in the house number ("Dorpsstraat 12a" for "12a")."""
    pattern = rf"(^|\s){re.escape(house_number)}(\s|$|[-/])"
    return bool(street and re.search(pattern, street.lower()))


INITIALS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?|[^\W\d_]")


def name_words(term):
    """Split a typed name into (words, initials), in any order.

    "Jansen, J." gives (["Jansen"], ["j"]); "Vries, de" gives (["Vries", "de"], []);
    "J.P. Jansen" gives (["Jansen"], ["j"]): the first initial stands for the first
    name.
    """
    words, initials = [], []
    for word in re.split(r"[\s,;]+", term or ""):
        if not word:
            continue
        if INITIALS.fullmatch(word):
            initials.append(word[0].lower())
        else:
            words.append(word.strip(".") or word)
    return words, initials[:1]
