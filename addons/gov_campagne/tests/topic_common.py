from odoo.tests import new_test_user

from .common import GovCampagneCase


class GovTopicCase(GovCampagneCase):
    """A published topic and the personas that handle its consent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.privacy_officer = new_test_user(
            cls.env,
            "gov_campagne_privacy",
            groups="gov_addressbook.group_privacy_officer",
        )
        cls.Topic = cls.env["gov.topic"].with_user(cls.communication)
        cls.topic = cls.Topic.create(
            {
                "name": "Wegwerkzaamheden N201",
                "description": "<p>Afsluitingen en omleidingen.</p>",
                "published": True,
            }
        )
        cls.hidden_topic = cls.Topic.create({"name": "Nog geheim beleidsplan"})
        # The system works as the public pages do: those call these methods
        # with sudo, exactly as here.
        cls.Subscription = cls.env["gov.topic.subscription"].sudo()
        cls.Log = cls.env["gov.topic.consent.log"].sudo()

    def _logs(self, subscription):
        return self.Log.search([("subscription_id", "=", subscription.id)], order="id")

    @classmethod
    def _subscribe_confirmed(cls, partner, topic=None):
        subscription = cls.Subscription._subscribe(topic or cls.topic, partner, "staff")
        subscription._confirm("web")
        return subscription
