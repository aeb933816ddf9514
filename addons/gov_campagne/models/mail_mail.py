from odoo import fields, models

from .. import topic_links


class MailMail(models.Model):
    """Topic links leave with their token; the stored copies never hold it.

    Confirmation mails and topic updates are stored with the token of their
    links hidden (see ``topic_links.HIDDEN_TOKEN``): staff read those copies
    through mail.message, and the token proves the subscriber's own act. The
    token is put in here, in the mail as it is handed to the mail server, and
    only for the subscriber's own mailbox.
    """

    _inherit = "mail.mail"

    # Whose token the links of a topic update get (those mails are about the
    # update, not the subscription). The confirmation mail says it through
    # its model and res_id.
    gov_topic_subscription_id = fields.Many2one(
        "gov.topic.subscription",
        string="Subscription of the links",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )

    def _gov_topic_subscription(self):
        self.ensure_one()
        if self.gov_topic_subscription_id:
            return self.gov_topic_subscription_id
        if self.model == "gov.topic.subscription" and self.res_id:
            return self.env["gov.topic.subscription"].browse(self.res_id)
        return self.env["gov.topic.subscription"]

    def _prepare_outgoing_list(self, mail_server=False, doc_to_followers=None):
        emails = super()._prepare_outgoing_list(
            mail_server=mail_server, doc_to_followers=doc_to_followers
        )
        # sudo: the token is for the system only. It goes nowhere but into this
        # outgoing mail, and only towards the subscriber (checked below); the
        # stored mail keeps the hidden link.
        subscription = self.sudo()._gov_topic_subscription().exists()
        if not subscription:
            return emails
        token = subscription.token
        for email in emails:
            if not subscription._gov_is_own_mailbox(
                email.get("partner_id"), email.get("email_to_normalized") or []
            ):
                continue
            for key in ("body", "body_alternative"):
                email[key] = topic_links.reveal(email.get(key), token)
            # A new dict: the headers are shared by every recipient of the mail.
            email["headers"] = {
                name: topic_links.reveal(value, token)
                if isinstance(value, str)
                else value
                for name, value in (email.get("headers") or {}).items()
            }
        return emails
