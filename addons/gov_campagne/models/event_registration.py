from odoo import api, fields, models


class EventRegistration(models.Model):
    """Registrations and attendance of campaign events on the relation timeline."""

    _inherit = "event.registration"
    # See gov_addressbook's base_input_guard: a clear refusal over RPC too.
    _gov_text_limits = {"name": 256, "email": 254, "phone": 64, "company_name": 256}

    @api.model_create_multi
    def create(self, vals_list):
        registrations = super().create(vals_list)
        registrations.filtered(
            lambda registration: registration.state in ("open", "done")
        )._gov_log_contact_moments("registered")
        registrations.filtered(
            lambda registration: registration.state == "done"
        )._gov_log_contact_moments("attended")
        return registrations

    def write(self, vals):
        new_state = vals.get("state")
        registering = attending = self.browse()
        if new_state in ("open", "done"):
            registering = self.filtered(
                lambda registration: registration.state in ("draft", "cancel")
            )
        if new_state == "done":
            attending = self.filtered(lambda registration: registration.state != "done")
        result = super().write(vals)
        registering._gov_log_contact_moments("registered")
        attending._gov_log_contact_moments("attended")
        return result

    def _gov_log_contact_moments(self, kind):
        """Log one contact moment per registration of a campaign event, in one batch."""
        registrations = self.filtered(
            lambda registration: registration.partner_id
            and registration.event_id.gov_campaign_id
        )
        if not registrations:
            return
        now = fields.Datetime.now()
        vals_list = []
        for registration in registrations:
            event = registration.event_id
            if kind == "attended":
                subject = self.env._("Attended %(event)s", event=event.name)
                channel = "meeting"
            else:
                subject = self.env._("Registered for %(event)s", event=event.name)
                channel = "web_form" if self.env.user._is_public() else "other"
            vals_list.append(
                {
                    "partner_id": registration.partner_id.id,
                    "channel": channel,
                    "direction": "inbound",
                    "subject": subject,
                    "occurred_at": now,
                    "user_id": event.user_id.id,
                    "confidentiality": "intern",
                    "res_model": "event.event",
                    "res_id": event.id,
                }
            )
        # sudo: registrations come from the public event page and from event users
        # without address-book rights; the moments only record the registration
        # that was just made, for the partner on that registration.
        self.env["gov.contact.moment"].sudo().create(vals_list)
