"""Validation of the public Loket web form, without Odoo.

``clean_submission`` turns the raw form into clean values and a dict of error
codes per field; the Odoo side maps the codes to translated messages.
"""

import re

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import postcode as nl_postcode

EMAIL_RE = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[a-zA-Z]{2,}$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-./]{5,19}$")
MAX_NAME = 120
MAX_QUESTION = 5000
MAX_PER_HOUR = 5
# Hidden field people never see nor fill in; robots filling every field do.
HONEYPOT_FIELD = "homepage"


def _text(form, key):
    return " ".join(str(form.get(key) or "").split())


def clean_submission(form, subject_ids):
    """Return ``(values, errors)`` for a submitted form.

    ``subject_ids`` are the ids of the subjects offered on the form; errors map
    a field name to a code such as ``"required"`` or ``"invalid"``.
    """
    errors = {}
    values = {
        "name": _text(form, "name"),
        "email": _text(form, "email").lower(),
        "phone": _text(form, "phone"),
        "postcode": _text(form, "postcode"),
        "question": str(form.get("question") or "").strip(),
        "subject_id": False,
    }
    if not values["name"]:
        errors["name"] = "required"
    elif len(values["name"]) > MAX_NAME:
        errors["name"] = "too_long"
    if not values["email"]:
        errors["email"] = "required"
    elif not EMAIL_RE.match(values["email"]):
        errors["email"] = "invalid"
    if values["phone"] and not PHONE_RE.match(values["phone"]):
        errors["phone"] = "invalid"
    if values["postcode"]:
        try:
            values["postcode"] = nl_postcode.validate(values["postcode"])
        except StdnumError:
            errors["postcode"] = "invalid"
    if not values["question"]:
        errors["question"] = "required"
    elif len(values["question"]) > MAX_QUESTION:
        errors["question"] = "too_long"
    subject = str(form.get("subject_id") or "")
    if not subject.isdigit() or int(subject) not in subject_ids:
        errors["subject_id"] = "required"
    else:
        values["subject_id"] = int(subject)
    return values, errors


def is_spam(form):
    """True when the honeypot field was filled in."""
    return bool(str(form.get(HONEYPOT_FIELD) or "").strip())
