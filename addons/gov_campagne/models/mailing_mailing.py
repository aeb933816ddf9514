from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import html2plaintext


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    # mailing.mailing already has campaign_id (the UTM campaign), hence gov_.
    gov_campaign_id = fields.Many2one(
        "gov.campaign",
        string="Gov campaign",
        index="btree_not_null",
        ondelete="set null",
        help="The campaign this mailing is part of. Mailings to relations only "
        "reach the campaign audience that may be approached, each on the "
        "channel they prefer (e-mail, letter or SMS).",
    )
    gov_letter_count = fields.Integer(string="Letters", readonly=True, copy=False)
    gov_sms_count = fields.Integer(string="SMS", readonly=True, copy=False)
    gov_channels_sent_at = fields.Datetime(
        string="Letters and SMS made at", readonly=True, copy=False
    )

    @api.model_create_multi
    def create(self, vals_list):
        # A mailing made for a campaign (also over RPC) needs no subject or
        # sender of its own: it takes the campaign's.
        campaign_ids = {
            vals["gov_campaign_id"] for vals in vals_list if vals.get("gov_campaign_id")
        }
        campaigns = {
            campaign.id: campaign
            for campaign in self.env["gov.campaign"].browse(campaign_ids).exists()
        }
        for vals in vals_list:
            campaign = campaigns.get(vals.get("gov_campaign_id"))
            if not campaign:
                continue
            if not vals.get("subject"):
                vals["subject"] = campaign.name
            if not vals.get("email_from") and campaign.email_from:
                vals["email_from"] = campaign.email_from
        return super().create(vals_list)

    def _gov_splits_channels(self):
        return bool(self.gov_campaign_id) and self.mailing_model_real == "res.partner"

    def _gov_tracking_enabled(self):
        """Opens and clicks are only tracked for a campaign that chose it."""
        self.ensure_one()
        # sudo: one flag of the campaign, which decides on this mailing only.
        return bool(self.sudo().gov_campaign_id.tracking_enabled)

    def _get_mass_mailing_context(self):
        context = super()._get_mass_mailing_context()
        if not self._gov_tracking_enabled():
            # Links stay as written: no /r/ redirect that counts clicks.
            context.pop("post_convert_links", None)
        return context

    def _gov_unsubscribe_footer(self, url, lang):
        """The visible unsubscribe line, in the recipient's language."""
        env = self.with_context(lang=lang).env
        return Markup(
            '<p style="font-size: small; color: #666;">%s <a href="%s">%s</a></p>'
        ) % (
            env._("You receive this mailing from %(sender)s.", sender=self.email_from),
            url,
            env._("Unsubscribe"),
        )

    def _get_recipients_domain(self):
        domain = super()._get_recipients_domain()
        if self._gov_splits_channels():
            # Same helpers as the live count on the campaign: they never disagree.
            # sudo: marketing users may lack address-book rights; only the
            # campaign's filter is read, and it can only narrow the recipients.
            # Who gets a letter or an SMS instead is left out of the e-mail.
            campaign = self.gov_campaign_id.sudo()
            domain &= campaign._parse_audience_domain()
            domain &= campaign._get_send_domain("email")
        return domain

    def _gov_contact_moment_values(self, occurred_at):
        """Values shared by the outbound contact moments of this mailing."""
        self.ensure_one()
        return {
            "direction": "outbound",
            "subject": self.subject,
            "summary": html2plaintext(self.body_html or "")[:500],
            "occurred_at": occurred_at,
            "user_id": (self.user_id or self.env.user).id,
            "confidentiality": "openbaar",
            "is_bulk": True,
            "res_model": self._name,
            "res_id": self.id,
        }

    # Its super() calls are of _get_recipients_domain: it has no super to return.
    def _gov_send_other_channels(self):  # pylint: disable=missing-return
        """Letters and SMS for the relations that prefer them, once per mailing."""
        now = fields.Datetime.now()
        for mailing in self.filtered(
            lambda m: m._gov_splits_channels() and not m.gov_channels_sent_at
        ):
            # sudo: as in _get_recipients_domain; the relations are narrowed by
            # the mailing's own filter and the campaign audience.
            campaign = mailing.gov_campaign_id.sudo()
            base = super(MailingMailing, mailing)._get_recipients_domain()
            base &= campaign._parse_audience_domain()
            Partner = self.env["res.partner"].sudo()
            split = {
                channel: Partner.search(base & campaign._get_send_domain(channel))
                for channel in ("letter", "sms")
            }
            message = {
                "subject": mailing.subject,
                "body": mailing.body_html,
                "moment": mailing._gov_contact_moment_values(now),
            }
            moment_vals = campaign._gov_send_other_channels(split, message, mailing)
            # sudo: the mailing may run from the queue or for a marketing user
            # without address-book rights; the moments record this send only.
            self.env["gov.contact.moment"].sudo().with_context(
                tracking_disable=True, mail_create_nolog=True
            ).create(moment_vals)
            mailing.write(
                {
                    "gov_letter_count": len(split["letter"]),
                    "gov_sms_count": len(split["sms"]),
                    "gov_channels_sent_at": now,
                }
            )

    def _action_send_mail(self, res_ids=None):
        self._gov_send_other_channels()
        if res_ids:
            result = super()._action_send_mail(res_ids)
        else:
            # Everyone may prefer a letter or an SMS: then no e-mail is left.
            no_mail = self.filtered(
                lambda m: m.gov_channels_sent_at and not m._get_remaining_recipients()
            )
            no_mail.write({"state": "done", "sent_date": fields.Datetime.now()})
            rest = self - no_mail
            result = super(MailingMailing, rest)._action_send_mail() if rest else True
        # The mails are queued now (over 100 recipients Odoo does not send them
        # itself): wake the mail queue instead of waiting for its hourly run.
        self.env["mail.mail"]._gov_trigger_queue()
        return result

    @api.model
    def _process_mass_mailing_queue(self):
        # The queue skips a mailing without e-mail recipients; its letters and
        # SMS go out here first.
        now = fields.Datetime.now()
        self.search(
            [
                ("state", "in", ("in_queue", "sending")),
                ("gov_campaign_id", "!=", False),
                ("gov_channels_sent_at", "=", False),
                "|",
                ("schedule_date", "<", now),
                ("schedule_date", "=", False),
            ]
        )._gov_send_other_channels()
        return super()._process_mass_mailing_queue()
