from odoo.exceptions import UserError
from odoo.tests import tagged

from .channel_common import GovChannelCase


@tagged("post_install", "-at_install")
class TestPreferredChannel(GovChannelCase):
    """Campaign audiences and mailings split by the preferred channel."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.Campaign.create(
            {"name": "Zomerwerkzaamheden", "audience_domain": cls.tag_domain}
        )

    def _mailing(self, domain=None):
        return (
            self.env["mailing.mailing"]
            .with_user(self.communication)
            .create(
                {
                    "subject": "Weg dicht in juli",
                    "body_html": "<p>De Dorpsstraat is in juli afgesloten.</p>",
                    "gov_campaign_id": self.campaign.id,
                    "mailing_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "mailing_domain": domain or self.tag_domain,
                    "email_from": "communicatie@provincie.example",
                }
            )
        )

    def test_send_domains_split_the_audience(self):
        Partner = self.env["res.partner"]
        audience = self.campaign._parse_audience_domain()
        for channel, expected in self.expected.items():
            found = Partner.search(audience & self.campaign._get_send_domain(channel))
            self.assertEqual(found, expected, channel)
        reachable = self.campaign._get_audience_reachable()
        self.assertEqual(reachable, sum(self.expected.values(), Partner))
        self.assertFalse(reachable & self.unreachable)
        split = self.Campaign._split_by_channel(reachable)
        self.assertEqual(split, self.expected)
        # The live count on the form splits the same way.
        campaign = self.campaign
        self.assertEqual(
            (
                campaign.audience_count,
                campaign.audience_letter_count,
                campaign.audience_sms_count,
            ),
            (len(self.expected["email"]), 2, 2),
        )

    def test_in_memory_filter_agrees(self):
        everyone = self.env["res.partner"].search([("category_id", "in", self.tag.ids)])
        for channel, expected in self.expected.items():
            domain = self.campaign._get_send_domain(channel)
            self.assertEqual(everyone.filtered_domain(domain), expected, channel)

    def test_mailing_sends_letters_and_sms_instead_of_email(self):
        mailing = self._mailing()
        self.assertEqual(
            set(mailing._get_remaining_recipients()), set(self.expected["email"].ids)
        )
        SmsModel = type(self.env["sms.sms"])
        original_create = SmsModel.create
        batches = []

        def counting_create(records, vals_list):
            batches.append(len(vals_list))
            return original_create(records, vals_list)

        self.patch(SmsModel, "create", counting_create)
        mailing.action_launch()
        mailing.action_send_mail()
        self.assertEqual(batches, [2])
        traces = self.env["mailing.trace"].search(
            [("mass_mailing_id", "=", mailing.id)]
        )
        self.assertEqual(set(traces.mapped("res_id")), set(self.expected["email"].ids))
        self.assertEqual((mailing.gov_letter_count, mailing.gov_sms_count), (2, 2))
        # The SMS wait in Odoo's queue for its gateway.
        sms = self._sms_to(self.expected["sms"])
        self.assertEqual(sms.partner_id, self.expected["sms"])
        self.assertEqual(set(sms.mapped("state")), {"outgoing"})
        self.assertEqual(
            sms.filtered(lambda s: s.partner_id == self.by_sms).number, "+31612345678"
        )
        self.assertIn("Weg dicht in juli", sms[0].body)
        self.assertFalse(self._sms_to(self.sms_opted_out | self.sms_no_phone))
        # One printed batch on the mailing: a page per letter relation.
        letters = self._letters(mailing)
        self.assertEqual(len(letters), 1)
        content = letters.raw.decode()
        self.assertEqual(content.count('class="page o_gov_campagne_letter"'), 2)
        for name in ("Brief Ok", "Brief Zonder Mail", "Dorpsstraat 1", "Zwolle"):
            self.assertIn(name, content)
        self.assertIn("in juli afgesloten", content)
        self.assertNotIn("Brief Zonder Adres", content)
        moments = self._moment_channels("mailing.mailing", mailing.id)
        self.assertEqual(moments["letter"], self.expected["letter"])
        # SMS and e-mails get theirs when they leave (see test_delivery).
        self.assertFalse(moments["sms"] | moments["email"])
        letter_moment = self.Moment.search(
            [("res_model", "=", "mailing.mailing"), ("res_id", "=", mailing.id)],
            limit=1,
        )
        self.assertTrue(letter_moment.is_bulk)
        self.assertEqual(letter_moment.subject, "Weg dicht in juli")
        # A second run of the queue makes no second batch.
        mailing._gov_send_other_channels()
        self.assertEqual(len(self._letters(mailing)), 1)
        self.assertEqual(batches, [2])

    def test_mailing_without_email_recipients_still_sends_letters(self):
        domain = f"[('id', 'in', {self.expected['letter'].ids})]"
        mailing = self._mailing(domain)
        self.assertFalse(mailing._get_remaining_recipients())
        mailing.action_launch()
        mailing.action_send_mail()
        self.assertEqual(mailing.state, "done")
        self.assertEqual(mailing.gov_letter_count, 2)
        self.assertEqual(len(self._letters(mailing)), 1)
        self.assertFalse(
            self.env["mailing.trace"].search([("mass_mailing_id", "=", mailing.id)])
        )

    def test_mailing_without_campaign_is_untouched(self):
        mailing = self._mailing()
        mailing.gov_campaign_id = False
        recipients = set(mailing._get_remaining_recipients())
        self.assertTrue(self.expected["letter"].ids[0] in recipients)
        mailing._gov_send_other_channels()
        self.assertFalse(mailing.gov_channels_sent_at)
        self.assertFalse(self._letters(mailing))

    def test_letters_kept_as_html_when_pdf_fails(self):
        def failing_pdf(*args, **kwargs):
            # The error Odoo raises, imitated: no user reads it in this test.
            raise UserError("wkhtmltopdf is not installed")  # pylint: disable=translation-required

        self.patch(type(self.env["ir.actions.report"]), "_render_qweb_pdf", failing_pdf)
        mailing = self._mailing()
        mailing.action_launch()
        dispatch = "odoo.addons.gov_campagne.models.gov_campaign_dispatch"
        with self.assertLogs(dispatch, "WARNING"):
            mailing.action_send_mail()
        letters = self._letters(mailing)
        self.assertTrue(letters.name.endswith(".html"))
        self.assertIn("Brief Ok", letters.raw.decode())
        self.assertEqual(mailing.state, "done")
