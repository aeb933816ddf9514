from odoo import api, fields, models

from .. import webform


class GovLoketWebformSubmission(models.Model):
    """One question sent through the public web form, kept for the rate limit.

    The shared public-form rate limit of the address book (its limits, its
    keying per e-mail and per network address, its weekly clean-up), in a
    table of its own that also links the request.
    """

    _name = "gov.loket.webform.submission"
    _inherit = "gov.public.form.submission"
    _description = "Web form submission"

    scope = fields.Char(default=webform.RATE_SCOPE)
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Request", ondelete="set null"
    )

    @api.model
    def _gov_is_rate_limited(self, email, ip_address):
        """The limit per e-mail address or per network address is reached."""
        return bool(self._gov_rate_limited(webform.RATE_SCOPE, email, ip_address))

    @api.model
    def _gov_error_messages(self, errors):
        """Translated message per field for the error codes of the web form."""
        texts = {
            ("name", "required"): self.env._("Please fill in your name."),
            ("name", "too_long"): self.env._(
                "Your name is too long: at most %(max)s characters.",
                max=webform.MAX_NAME,
            ),
            ("email", "required"): self.env._("Please fill in your e-mail address."),
            ("email", "invalid"): self.env._(
                "This is not a valid e-mail address, for example name@example.nl."
            ),
            ("email", "too_long"): self.env._(
                "Your e-mail address is too long: at most %(max)s characters.",
                max=webform.MAX_EMAIL,
            ),
            ("phone", "invalid"): self.env._(
                "This is not a valid phone number, for example 020 123 4567."
            ),
            ("phone", "too_long"): self.env._(
                "This is not a valid phone number, for example 020 123 4567."
            ),
            ("postcode", "invalid"): self.env._(
                "This is not a Dutch postcode, for example 1234 AB."
            ),
            ("postcode", "too_long"): self.env._(
                "This is not a Dutch postcode, for example 1234 AB."
            ),
            ("question", "required"): self.env._("Please type your question."),
            ("question", "too_long"): self.env._(
                "Your question is too long: at most 5000 characters."
            ),
            ("subject_id", "required"): self.env._("Please choose a subject."),
        }
        control = self.env._(
            "This field contains control characters (such as a NUL byte) that "
            "cannot be sent. Please type the text again."
        )
        return {
            field: control if code == "control_chars" else texts[field, code]
            for field, code in errors.items()
        }
