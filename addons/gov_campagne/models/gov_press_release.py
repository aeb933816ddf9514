from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import html2plaintext

from ..embargo import is_released, truncate_to_minute

RELEASE_STATES = [("draft", "Draft"), ("scheduled", "Scheduled"), ("sent", "Sent")]


class GovPressRelease(models.Model):
    _name = "gov.press.release"
    _description = "Press release"
    _inherit = ["mail.thread"]
    _order = "embargo_at desc, id desc"
    _rec_name = "title"

    campaign_id = fields.Many2one(
        "gov.campaign", required=True, index=True, ondelete="restrict", tracking=True
    )
    title = fields.Char(required=True, tracking=True)
    body = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Attachments")
    embargo_at = fields.Datetime(
        string="Embargo until",
        tracking=True,
        help="The release goes out at this moment (to the minute), never before.",
    )
    spokesperson_id = fields.Many2one(
        "res.users",
        domain=[("share", "=", False)],
        default=lambda self: self.env.user,
        tracking=True,
    )
    state = fields.Selection(
        RELEASE_STATES, required=True, default="draft", tracking=True, index=True
    )
    recipient_source = fields.Selection(
        [("audience", "Press in the campaign audience"), ("list", "Press list")],
        required=True,
        default="audience",
    )
    press_list_ids = fields.Many2many(
        "res.partner",
        string="Press list",
        domain=[("gov_party_type", "=", "press")],
    )
    recipient_ids = fields.Many2many(
        "res.partner",
        string="Recipients",
        compute="_compute_recipient_ids",
        help="Who receives the release: relations that must not be approached "
        "or have no usable e-mail address are left out.",
    )
    recipient_count = fields.Integer(compute="_compute_recipient_ids")
    sent_at = fields.Datetime(readonly=True, copy=False)
    sent_count = fields.Integer(readonly=True, copy=False)
    public_url = fields.Char(
        string="Public page",
        compute="_compute_public_url",
        help="Where the release is published once it is sent.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._prepare_embargo(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._prepare_embargo(vals)
        return super().write(vals)

    def _prepare_embargo(self, vals):
        if vals.get("embargo_at"):
            moment = fields.Datetime.to_datetime(vals["embargo_at"])
            vals["embargo_at"] = truncate_to_minute(moment)

    @api.depends("title")
    def _compute_public_url(self):
        for release in self:
            slug = self.env["ir.http"]._slugify(release.title or "")
            ref = f"{release.id}-{slug}" if slug else str(release.id)
            release.public_url = f"/gov/pers/{ref}" if release.id else False

    @api.depends("recipient_source", "press_list_ids", "campaign_id.audience_domain")
    def _compute_recipient_ids(self):
        for release in self:
            partners = release._get_recipients()
            release.recipient_ids = partners
            release.recipient_count = len(partners)

    def _get_recipients_domain(self):
        self.ensure_one()
        if self.recipient_source == "list":
            return self.env["gov.campaign"]._get_exclusion_domain("email") & Domain(
                "id", "in", self.press_list_ids.ids
            )
        if not self.campaign_id:
            return Domain.FALSE
        return self.campaign_id._get_audience_domain("email") & Domain(
            "gov_party_type", "=", "press"
        )

    def _get_recipients(self):
        self.ensure_one()
        return self.env["res.partner"].search(self._get_recipients_domain())

    def action_schedule(self):
        for release in self:
            if release.state != "draft":
                raise UserError(self.env._("Only a draft release can be scheduled."))
            if not release.embargo_at:
                raise UserError(
                    self.env._(
                        "Set the embargo moment of %(title)s first.",
                        title=release.title,
                    )
                )
            if release.campaign_id.state in ("done", "cancelled"):
                raise UserError(
                    self.env._(
                        "The campaign of %(title)s is closed.", title=release.title
                    )
                )
            if not release.recipient_count:
                raise UserError(
                    self.env._(
                        "%(title)s has no recipients that may be approached.",
                        title=release.title,
                    )
                )
        self.write({"state": "scheduled"})
        # Wake the scheduler at the embargo moment itself, not at its next round.
        cron = self.env.ref("gov_campagne.ir_cron_gov_press_release_send")
        cron._trigger(at=sorted(set(self.mapped("embargo_at"))))

    def action_reset_draft(self):
        if self.filtered(lambda release: release.state != "scheduled"):
            raise UserError(
                self.env._("Only a scheduled release can go back to draft.")
            )
        self.write({"state": "draft"})

    @api.model
    def _cron_send_due(self, now=None):
        """Send every scheduled release whose embargo has passed at ``now``."""
        now = now or fields.Datetime.now()
        due = self.search([("state", "=", "scheduled"), ("embargo_at", "<=", now)])
        due._send(now=now)
        return due

    def _send(self, now=None):
        """Mail the releases and log one outbound contact moment per recipient.

        Mails and contact moments of all releases are created in one batch each,
        so the number of queries does not grow with the number of recipients.
        """
        now = now or fields.Datetime.now()
        early = self.filtered(
            lambda release: release.state != "scheduled"
            or not is_released(release.embargo_at, now)
        )
        if early:
            raise UserError(
                self.env._(
                    "%(title)s is not scheduled or still under embargo.",
                    title=early[0].title,
                )
            )
        mail_vals, moment_vals = [], []
        sent_counts = {}
        for release in self:
            recipients = release._get_recipients()
            sent_counts[release] = len(recipients)
            sender = release.spokesperson_id or self.env.user
            email_from = sender.email_formatted or self.env.company.email_formatted
            summary = html2plaintext(release.body or "")[:500]
            for partner in recipients:
                mail_vals.append(release._prepare_mail_vals(partner, email_from))
                moment_vals.append(
                    {
                        "partner_id": partner.id,
                        "channel": "email",
                        "direction": "outbound",
                        "subject": release.title,
                        "summary": summary,
                        "occurred_at": now,
                        "user_id": sender.id,
                        "confidentiality": "openbaar",
                        "is_bulk": True,
                        "res_model": self._name,
                        "res_id": release.id,
                    }
                )
        # sudo: mail.mail is for system users only; the mails are built here from
        # releases the caller may send, to recipients filtered by the audience rules.
        self.env["mail.mail"].sudo().create(mail_vals)
        self.env["gov.contact.moment"].create(moment_vals)
        for release in self:
            release.write(
                {"state": "sent", "sent_at": now, "sent_count": sent_counts[release]}
            )
            release.message_post(
                body=self.env._(
                    "Sent to %(count)s recipients.", count=sent_counts[release]
                )
            )
        return True

    def _prepare_mail_vals(self, partner, email_from):
        self.ensure_one()
        return {
            "subject": self.title,
            "body_html": self.body or "",
            "email_from": email_from,
            "email_to": partner.email_formatted,
            "attachment_ids": [(6, 0, self.attachment_ids.ids)],
            "auto_delete": True,
        }
