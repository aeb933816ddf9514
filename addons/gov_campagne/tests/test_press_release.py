from datetime import datetime

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import GovCampagneCase

EMBARGO = datetime(2030, 3, 2, 10, 0)


@tagged("post_install", "-at_install")
class TestPressRelease(GovCampagneCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.Campaign.create(
            {"name": "Fietsroute", "audience_domain": cls.tag_domain}
        )

    def _release(self, **values):
        return self.Release.create(
            {
                "campaign_id": self.campaign.id,
                "title": "Fietsroute open",
                "body": "<p>De route is open.</p>",
                "embargo_at": "2030-03-02 10:00:37",
                **values,
            }
        )

    def _moments(self, release):
        return self.Moment.search(
            [("res_model", "=", "gov.press.release"), ("res_id", "=", release.id)]
        )

    def test_audience_recipients_are_reachable_press_only(self):
        release = self._release()
        # The citizen is in the campaign audience, but not press.
        self.assertEqual(release.recipient_ids, self.reachable_press)
        self.assertEqual(release.recipient_count, 2)

    def test_press_list_respects_exclusions(self):
        release = self._release(
            recipient_source="list",
            press_list_ids=[(6, 0, (self.journalist | self.do_not_contact).ids)],
        )
        self.assertEqual(release.recipient_ids, self.journalist)

    def test_embargo_stored_to_the_minute(self):
        self.assertEqual(self._release().embargo_at, EMBARGO)

    def test_embargo_respected_to_the_minute(self):
        release = self._release()
        release.action_schedule()
        self.assertEqual(release.state, "scheduled")
        Release = self.env["gov.press.release"]
        sent = Release._cron_send_due(now=datetime(2030, 3, 2, 9, 59, 59))
        self.assertFalse(sent)
        self.assertEqual(release.state, "scheduled")
        self.assertFalse(self._moments(release))
        with self.assertRaises(UserError):
            release._send(now=datetime(2030, 3, 2, 9, 59))
        sent = Release._cron_send_due(now=EMBARGO)
        self.assertEqual(sent, release)
        self.assertEqual(release.state, "sent")
        self.assertEqual(release.sent_at, EMBARGO)
        self.assertEqual(release.sent_count, 2)

    def test_contact_moment_and_mail_for_every_recipient(self):
        release = self._release()
        release.action_schedule()
        release._send(now=EMBARGO)
        moments = self._moments(release)
        self.assertEqual(moments.partner_id, self.reachable_press)
        self.assertEqual(len(moments), 2)
        self.assertEqual(set(moments.mapped("channel")), {"email"})
        self.assertEqual(set(moments.mapped("direction")), {"outbound"})
        self.assertEqual(set(moments.mapped("occurred_at")), {EMBARGO})
        self.assertEqual(moments.user_id, self.communication)
        mails = self.env["mail.mail"].search([("subject", "=", "Fietsroute open")])
        self.assertEqual(len(mails), 2)
        self.assertIn("ok@krant.example", " ".join(mails.mapped("email_to")))
        # A sent release is not sent twice.
        with self.assertRaises(UserError):
            release._send(now=EMBARGO)

    def test_send_does_not_query_per_recipient(self):
        Partner = self.env["res.partner"]

        def queries_for(count):
            tag = self.env["res.partner.category"].create({"name": f"Batch {count}"})
            Partner.create(
                [
                    {
                        "name": f"Pers {count}-{index}",
                        "email": f"pers{count}.{index}@media.example",
                        "gov_party_type": "press",
                        "category_id": [(6, 0, tag.ids)],
                    }
                    for index in range(count)
                ]
            )
            campaign = self.Campaign.create(
                {
                    "name": f"Batch {count}",
                    "audience_domain": f"[('category_id', 'in', [{tag.id}])]",
                }
            )
            release = self._release(campaign_id=campaign.id)
            release.action_schedule()
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            release._send(now=EMBARGO)
            self.env.flush_all()
            self.assertEqual(release.sent_count, count)
            return self.cr.sql_log_count - before

        queries_for(2)  # warm the caches (models, views, sequences) first
        self.assertEqual(queries_for(3), queries_for(12))

    def test_schedule_needs_embargo_and_recipients(self):
        with self.assertRaises(UserError):
            self._release(embargo_at=False).action_schedule()
        nobody = self._release(recipient_source="list")
        with self.assertRaises(UserError):
            nobody.action_schedule()

    def test_reset_to_draft(self):
        release = self._release()
        release.action_schedule()
        release.action_reset_draft()
        self.assertEqual(release.state, "draft")
        self.assertFalse(self.env["gov.press.release"]._cron_send_due(now=EMBARGO))
