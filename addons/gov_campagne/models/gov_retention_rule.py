from odoo import api, models


class GovRetentionRule(models.Model):
    """The Campagne's kinds of record for the retention rules: event
    registrations, topic subscriptions after unsubscribing, the consent log."""

    _inherit = "gov.retention.rule"

    @api.model
    def _gov_retention_kinds(self):
        _ = self.env._
        anonymous = self.env.ref(
            "gov_addressbook.partner_anonymised", raise_if_not_found=False
        ).id
        # The same erasure as an anonymisation on request (the registry).
        places = self.env["res.partner"]._gov_personal_data_places()
        registration = next(
            p for p in places if p["key"] == "gov_campagne.event_registration"
        )
        return [
            *super()._gov_retention_kinds(),
            {
                "kind": "event_registration",
                "model": "event.registration",
                "label": _("Event registrations"),
                "partner_field": "partner_id",
                "filters": [],
                "anonymise": {**registration["values"], "partner_id": anonymous},
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
