from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext


class EventEvent(models.Model):
    _inherit = "event.event"

    gov_campaign_id = fields.Many2one(
        "gov.campaign",
        string="Gov campaign",
        index="btree_not_null",
        ondelete="set null",
        help="The campaign this event is organised for.",
    )
    gov_invited_count = fields.Integer(
        string="Invited",
        readonly=True,
        copy=False,
        help="How many relations of the campaign audience were invited.",
    )

    def action_gov_invite_audience(self):
        """Mail the invitation to the reachable campaign audience."""
        self.ensure_one()
        campaign = self.gov_campaign_id
        if not campaign:
            raise UserError(
                self.env._("Link %(event)s to a campaign first.", event=self.name)
            )
        if campaign.state in ("done", "cancelled"):
            raise UserError(
                self.env._("The campaign of %(event)s is closed.", event=self.name)
            )
        # The same audience and exclusions as mailings and press releases, on
        # every channel; who already registered needs no invitation.
        invitees = (
            campaign._get_audience_reachable()
            - self.registration_ids.filtered(
                lambda reg: reg.state != "cancel"
            ).partner_id
        )
        if not invitees:
            raise UserError(
                self.env._(
                    "Nobody in the audience of %(event)s can be invited.",
                    event=self.name,
                )
            )
        self._gov_send_invitations(invitees)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s invitations sent.", count=len(invitees)
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _gov_send_invitations(self, invitees):
        """Invite on each relation's preferred channel and log one outbound
        contact moment per invitee.

        The text is rendered once for the event; mails, letters, SMS and
        contact moments are each made in one batch, so queries do not grow with
        the audience. The printed letters are attached to the campaign.
        """
        self.ensure_one()
        template = self.env.ref("gov_campagne.mail_template_event_invitation")
        subject = template._render_field("subject", self.ids)[self.id]
        body = template._render_field("body_html", self.ids)[self.id]
        sender = self.user_id or self.env.user
        email_from = sender.email_formatted or self.env.company.email_formatted
        moment = {
            "direction": "outbound",
            "subject": subject,
            "summary": html2plaintext(body or "")[:500],
            "occurred_at": fields.Datetime.now(),
            "user_id": sender.id,
            "confidentiality": "openbaar",
            "is_bulk": True,
            "res_model": self._name,
            "res_id": self.id,
        }
        Campaign = self.env["gov.campaign"]
        split = Campaign._split_by_channel(invitees)
        message = {"subject": subject, "body": body, "moment": moment}
        moment_vals = Campaign._gov_send_other_channels(
            split, message, self.gov_campaign_id
        )
        mail_vals = []
        for partner in split["email"]:
            mail_vals.append(
                {
                    "subject": subject,
                    "body_html": body,
                    "email_from": email_from,
                    "email_to": partner.email_formatted,
                    "auto_delete": True,
                }
            )
            moment_vals.append({**moment, "partner_id": partner.id, "channel": "email"})
        # sudo: mail.mail is for system users only; the mails are built here for
        # an event the caller may manage, to its campaign's filtered audience.
        self.env["mail.mail"].sudo().create(mail_vals)
        self.env["gov.contact.moment"].create(moment_vals)
        self.gov_invited_count += len(invitees)
        self.message_post(
            body=self.env._(
                "Invitation sent to %(count)s relations (%(letters)s by letter, "
                "%(sms)s by SMS).",
                count=len(invitees),
                letters=len(split["letter"]),
                sms=len(split["sms"]),
            )
        )
