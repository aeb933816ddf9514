"""What the public topic and event forms share: input checks, messages and
the rate limit (see ``gov_addressbook.public_input``)."""

from odoo.addons.gov_addressbook import public_input
from odoo.http import request
from odoo.tools import email_normalize


def clean(form, spec):
    """``(values, message)``: clean text per field of ``spec``, and a translated
    message for the first field that failed (or None)."""
    values, errors = public_input.clean_form(form, spec)
    for field, code in errors.items():
        return values, error_message(field, code, spec[field][0])
    return values, None


def error_message(field, code, max_length):
    _ = request.env._
    if code == public_input.CONTROL_CHARS:
        return _(
            "The form contains control characters (such as a NUL byte) that "
            "cannot be sent. Please type the text again."
        )
    if code == public_input.TOO_LONG:
        if field == "name":
            return _(
                "Your name is too long: at most %(max)s characters.", max=max_length
            )
        if field == "email":
            return _(
                "Your e-mail address is too long: at most %(max)s characters.",
                max=max_length,
            )
        return _(
            "Your phone number is too long: at most %(max)s characters.",
            max=max_length,
        )
    if field == "email":
        return _("Enter a valid e-mail address.")
    return _("Enter your name.")


def echo(form, spec):
    """The visitor's input to show back in the form, made safe."""
    return {
        field: public_input.echo_value(form.get(field), spec[field][0])
        for field in spec
    }


def rate_limited(scope, email):
    """A translated refusal when this form was sent too often this hour from
    this e-mail address or network address, else None; otherwise the post is
    counted.

    The network address is the one Odoo sees: a forwarded address only when
    Odoo runs with --proxy-mode, never a header a visitor sends on their own.
    """
    client = public_input.client_key(request.httprequest.remote_addr)
    normalized = email_normalize(email or "") or False
    # sudo: visitors have no rights on the rate-limit counter; it only counts
    # and records this post's scope, e-mail address and network address.
    Submission = request.env["gov.public.form.submission"].sudo()
    reason = Submission._gov_rate_limited(scope, normalized, client)
    if reason == "email":
        return request.env._(
            "This e-mail address was used several times in the last hour. "
            "Please try again later."
        )
    if reason:
        return request.env._(
            "This form was sent many times from your network in the last hour. "
            "Please try again later."
        )
    Submission._gov_record(scope, normalized, client)
    return None
