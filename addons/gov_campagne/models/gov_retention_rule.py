from odoo import api, models


class GovRetentionRule(models.Model):
    """The Campagne's kinds of record for the retention rules: event
    registrations, topic subscriptions after unsubscribing, the consent log."""

    _inherit = "gov.retention.rule"

    @api.model
    def _gov_retention_kinds(self):
        _ = self.env._
        anonymous = self._gov_anonymous_partner_id()
        return [
            *super()._gov_retention_kinds(),
            {
                "kind": "event_registration",
                "model": "event.registration",
                "label": _("Event registrations"),
                "partner_field": "partner_id",
                "filters": [],
                "anonymise": self._gov_registry_anonymous_values(
                    "gov_campagne.event_registration"
                ),
                "anonymised": [("partner_id", "=", anonymous)],
            },
            {
                "kind": "topic_subscription",
                "model": "gov.topic.subscription",
                "label": _("Topic subscriptions (withdrawn)"),
                "partner_field": "partner_id",
                "filters": [],
                # A subscription that still runs is never destroyed.
                "domain": [("state", "=", "withdrawn")],
                "anonymise": False,
            },
            {
                "kind": "consent_log",
                "model": "gov.topic.consent.log",
                "label": _("Consent log"),
                "partner_field": "partner_id",
                "filters": [],
                # Proof outlives its subscription: lines go only once the
                # subscription itself has ended its term (and is deleted).
                "domain": [("subscription_id", "=", False)],
                "anonymise": False,
            },
        ]
