from datetime import datetime, timedelta

from odoo.tests import tagged

from .channel_common import GovChannelCase


@tagged("post_install", "-at_install")
class TestChannelSends(GovChannelCase):
    """Event invitations and topic updates go out on the preferred channel."""

    def test_event_invitation_per_channel(self):
        campaign = self.Campaign.create(
            {"name": "Open dag", "audience_domain": self.tag_domain}
        )
        begin = datetime(2030, 6, 1, 10, 0)
        event = (
            self.env["event.event"]
            .with_user(self.communication)
            .create(
                {
                    "name": "Open dag provinciehuis",
                    "date_begin": begin,
                    "date_end": begin + timedelta(hours=4),
                    "gov_campaign_id": campaign.id,
                }
            )
        )
        # Who registered already gets no letter either.
        self.env["event.registration"].create(
            {"event_id": event.id, "partner_id": self.letter_no_email.id}
        )
        event.action_gov_invite_audience()
        moments = self._moment_channels("event.event", event.id)
        self.assertEqual(moments["letter"], self.by_letter)
        # An SMS lands on the timeline once the provider took it (test_delivery).
        self.assertFalse(moments["sms"])
        self.assertTrue(all(self._sms_to(self.expected["sms"]).mapped("gov_moment")))
        self.assertEqual(moments["email"], self.expected["email"])
        self.assertEqual(event.gov_invited_count, 1 + 2 + len(self.expected["email"]))
        mails = self.env["mail.mail"].search([("subject", "like", "Open dag")])
        self.assertNotIn(self.by_letter.email_formatted, mails.mapped("email_to"))
        self.assertNotIn(self.by_sms.email_formatted, mails.mapped("email_to"))
        self.assertIn(self.letter_no_address.email_formatted, mails.mapped("email_to"))
        self.assertIn("Open dag", self._sms_to(self.by_sms).body)
        # The printed letters are kept on the campaign.
        letters = self._letters(campaign)
        self.assertEqual(len(letters), 1)
        self.assertIn("Open dag provinciehuis", letters.raw.decode())
        self.assertFalse(self._sms_to(self.sms_do_not_contact))

    def test_topic_update_per_channel_with_unsubscribe_link(self):
        subscribers = (
            self.journalist
            | self.by_letter
            | self.letter_no_address
            | self.letter_nothing
            | self.by_sms
            | self.sms_no_phone
            | self.sms_do_not_contact
        )
        subscriptions = {
            partner: self._subscribe_confirmed(partner) for partner in subscribers
        }
        update = (
            self.env["gov.topic.update"]
            .with_user(self.communication)
            .create(
                {
                    "topic_id": self.topic.id,
                    "title": "Nachtafsluiting N201",
                    "body": "<p>Dinsdagnacht is de weg dicht.</p>",
                }
            )
        )
        self.assertEqual(update.recipient_count, 5)
        update.action_publish()
        self.assertEqual(update.sent_count, 5)
        moments = self._moment_channels("gov.topic.update", update.id)
        self.assertEqual(moments["letter"], self.by_letter)
        # E-mails and SMS are logged when they leave (see test_delivery).
        self.assertFalse(moments["sms"] | moments["email"])
        self.assertEqual(update.mail_queued_count, 3)
        sms = self._sms_to(self.by_sms)
        self.assertIn("Nachtafsluiting N201", sms.body)
        self.assertIn(subscriptions[self.by_sms].token, sms.body)
        letters = self._letters(update)
        self.assertEqual(len(letters), 1)
        content = letters.raw.decode()
        self.assertIn("Brief Ok", content)
        self.assertIn(subscriptions[self.by_letter].token, content)
        self.assertNotIn(subscriptions[self.journalist].token, content)
        mails = self.env["mail.mail"].search([("subject", "=", "Nachtafsluiting N201")])
        self.assertEqual(len(mails), 3)
        self.assertNotIn(self.by_letter.email_formatted, mails.mapped("email_to"))
