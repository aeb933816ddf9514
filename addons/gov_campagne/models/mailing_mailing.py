from odoo import fields, models


class MailingMailing(models.Model):
    _inherit = "mailing.mailing"

    # mailing.mailing already has campaign_id (the UTM campaign), hence gov_.
    gov_campaign_id = fields.Many2one(
        "gov.campaign",
        string="Gov campaign",
        index="btree_not_null",
        ondelete="set null",
        help="The campaign this mailing is part of. Mailings to relations only "
        "reach the campaign audience that may be approached.",
    )

    def _get_recipients_domain(self):
        domain = super()._get_recipients_domain()
        if self.gov_campaign_id and self.mailing_model_real == "res.partner":
            # Same helper as the live count on the campaign: they never disagree.
            # sudo: marketing users may lack address-book rights; only the
            # campaign's filter is read, and it can only narrow the recipients.
            domain &= self.gov_campaign_id.sudo()._get_audience_domain("email")
        return domain
