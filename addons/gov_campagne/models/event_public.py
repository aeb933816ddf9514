from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize

# A visitor may register an address a few times per window (the setting
# "Public forms: posts per e-mail address per hour"): enough for a family or a
# few events, too few for a script filling in the form.
RATE_WINDOW = timedelta(hours=1)


class EventEvent(models.Model):
    """Events registrable on the public page /gov/evenementen (no website)."""

    _inherit = "event.event"

    gov_published = fields.Boolean(
        string="On the public event page",
        copy=False,
        help="List this event on /gov/evenementen, where visitors can register "
        "with their name and e-mail address while registrations are open.",
    )

    @api.model
    def _gov_public_domain(self):
        """Published events that have not ended yet."""
        return [
            ("gov_published", "=", True),
            ("date_end", ">=", fields.Datetime.now()),
        ]

    def _gov_can_register_public(self):
        """Open for registration through the simple form (no tickets or slots)."""
        self.ensure_one()
        return (
            self.event_registrations_open
            and not self.event_ticket_ids
            and not self.is_multi_slots
        )

    def _gov_register_public(self, name, email, phone=""):
        """Register a visitor; returns ``(registration, is_new)``.

        The relation is found by e-mail address, or created as a citizen;
        what the visitor typed never changes an existing relation. Raises
        UserError with a message for the visitor on bad input, a closed event
        or too many registrations of the same address.
        """
        self.ensure_one()
        normalized = email_normalize(email or "")
        if not normalized:
            raise UserError(self.env._("Enter a valid e-mail address."))
        name = (name or "").strip()[:128]
        if not name:
            raise UserError(self.env._("Enter your name."))
        phone = (phone or "").strip()[:32]
        if phone and not all(char.isdigit() or char in "+-() " for char in phone):
            raise UserError(self.env._("Enter a phone number with digits only."))
        if not self._gov_can_register_public():
            raise UserError(self.env._("Registration for this event is closed."))
        Registration = self.env["event.registration"]
        existing = Registration.search(
            [
                ("event_id", "=", self.id),
                ("email", "=ilike", normalized),
                ("state", "!=", "cancel"),
            ],
            limit=1,
        )
        if existing:
            return existing, False
        recent = Registration.search_count(
            [
                ("email", "=ilike", normalized),
                ("create_date", ">", fields.Datetime.now() - RATE_WINDOW),
            ]
        )
        per_email, _per_client = self.env[
            "gov.public.form.submission"
        ]._gov_rate_limits()
        if recent >= per_email:
            raise UserError(
                self.env._(
                    "This e-mail address was used for many registrations just "
                    "now. Please try again in an hour."
                )
            )
        partner = self.env["res.partner"]._find_or_create_from_emails(
            [normalized],
            additional_values={
                normalized: {
                    "name": name,
                    "phone": phone or False,
                    "gov_party_type": "citizen",
                }
            },
        )[0]
        registration = Registration.create(
            {
                "event_id": self.id,
                "partner_id": partner.id,
                "name": name,
                "email": normalized,
                "phone": phone or False,
            }
        )
        return registration, True
