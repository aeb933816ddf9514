from datetime import timedelta

from odoo import api, fields, models

from .. import webform


class GovLoketWebformSubmission(models.Model):
    """One question sent through the public web form, kept for the rate limit.

    Only the e-mail address, the IP address and the time are kept, and only
    for a week (autovacuum): enough to refuse floods, no more.
    """

    _name = "gov.loket.webform.submission"
    _description = "Web form submission"
    _order = "create_date desc, id desc"
    _rec_name = "email"

    email = fields.Char(index=True)
    ip_address = fields.Char(string="IP address", index=True)
    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Request", ondelete="set null"
    )

    @api.model
    def _gov_is_rate_limited(self, email, ip_address):
        """More than the allowed submissions this hour from this address or IP."""
        since = fields.Datetime.now() - timedelta(hours=1)
        recent = [("create_date", ">=", since)]
        by_email = self.search_count([*recent, ("email", "=", email)])
        by_ip = ip_address and self.search_count(
            [*recent, ("ip_address", "=", ip_address)]
        )
        return max(by_email, by_ip or 0) >= webform.MAX_PER_HOUR

    @api.autovacuum
    def _gc_old_submissions(self):
        self.search(
            [("create_date", "<", fields.Datetime.now() - timedelta(days=7))]
        ).unlink()

    @api.model
    def _gov_error_messages(self, errors):
        """Translated message per field for the error codes of the web form."""
        texts = {
            ("name", "required"): self.env._("Please fill in your name."),
            ("name", "too_long"): self.env._("Your name is too long."),
            ("email", "required"): self.env._("Please fill in your e-mail address."),
            ("email", "invalid"): self.env._(
                "This is not a valid e-mail address, for example name@example.nl."
            ),
            ("phone", "invalid"): self.env._(
                "This is not a valid phone number, for example 020 123 4567."
            ),
            ("postcode", "invalid"): self.env._(
                "This is not a Dutch postcode, for example 1234 AB."
            ),
            ("question", "required"): self.env._("Please type your question."),
            ("question", "too_long"): self.env._(
                "Your question is too long: at most 5000 characters."
            ),
            ("subject_id", "required"): self.env._("Please choose a subject."),
        }
        return {field: texts[field, code] for field, code in errors.items()}
