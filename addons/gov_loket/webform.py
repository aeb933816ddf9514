"""Validation of the public Loket web form, without Odoo.

``clean_submission`` turns the raw form into clean values and a dict of error
codes per field; the Odoo side maps the codes to translated messages. The
checks shared with the other public forms (control characters, maximum
lengths, honeypot) come from ``gov_addressbook.public_input``.
"""

import re

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import postcode as nl_postcode

from odoo.addons.gov_addressbook import public_input

EMAIL_RE = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[a-zA-Z]{2,}$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-./]{5,19}$")
MAX_NAME = public_input.MAX_NAME
MAX_EMAIL = public_input.MAX_EMAIL
MAX_PHONE = public_input.MAX_PHONE
MAX_POSTCODE = public_input.MAX_POSTCODE
MAX_QUESTION = public_input.MAX_QUESTION
# The key of this form's posts in the shared rate limit.
RATE_SCOPE = "gov_loket.webform"
# Hidden field people never see nor fill in; robots filling every field do.
HONEYPOT_FIELD = public_input.HONEYPOT_FIELD

# Field: (maximum length, multi-line, required).
FIELDS = {
    "name": (MAX_NAME, False, True),
    "email": (MAX_EMAIL, False, True),
    "phone": (MAX_PHONE, False, False),
    "postcode": (MAX_POSTCODE, False, False),
    "question": (MAX_QUESTION, True, True),
    "subject_id": (public_input.MAX_ID, False, False),
}


def clean_submission(form, subject_ids):
    """Return ``(values, errors)`` for a submitted form.

    ``subject_ids`` are the ids of the subjects offered on the form; errors map
    a field name to a code such as ``"required"``, ``"too_long"``,
    ``"control_chars"`` or ``"invalid"``.
    """
    values, errors = public_input.clean_form(form, FIELDS)
    values["email"] = values["email"].lower()
    if values["email"] and not EMAIL_RE.match(values["email"]):
        errors["email"] = "invalid"
    if values["phone"] and not PHONE_RE.match(values["phone"]):
        errors["phone"] = "invalid"
    if values["postcode"]:
        try:
            values["postcode"] = nl_postcode.validate(values["postcode"])
        except StdnumError:
            errors["postcode"] = "invalid"
    subject = values.pop("subject_id")
    values["subject_id"] = False
    if "subject_id" not in errors:
        if subject.isdigit() and int(subject) in subject_ids:
            values["subject_id"] = int(subject)
        else:
            errors["subject_id"] = "required"
    elif errors["subject_id"] == public_input.TOO_LONG:
        errors["subject_id"] = "required"
    return values, errors


def form_echo(form):
    """The visitor's input to show back in the form after an error."""
    return {
        field: public_input.echo_value(form.get(field), max_length)
        for field, (max_length, _multiline, _required) in FIELDS.items()
    }


def is_spam(form):
    """True when the honeypot field was filled in."""
    return public_input.is_spam(form, HONEYPOT_FIELD)
