import datetime
import re

from markupsafe import Markup

from odoo import api, fields, models
from odoo.addons.gov_addressbook.server_context import server_flag
from odoo.tools.mail import email_normalize, email_split

from .. import mail_intake

SENDER_CHECKS = [
    ("pass", "Authenticated"),
    ("fail", "Failed"),
    ("misaligned", "Other domain"),
    ("none", "No result"),
]
MAIL_LIMIT_PARAM = "gov_loket.mail_limit_per_sender"
MAIL_LIMIT_MINUTES_PARAM = "gov_loket.mail_limit_minutes"
AUTHSERV_ID_PARAM = "gov_loket.mail_authserv_id"
DEFAULT_MAIL_LIMIT = 10
DEFAULT_MAIL_LIMIT_MINUTES = 60
# Request numbers in a subject: "RE: [HT00365] ..." or "Your question HT00365".
NUMBER_RE = re.compile(r"(?<![\w])([A-Za-z]{1,8}[-/]?\d{3,12})(?![\w])")


def _intake():
    """The checks of the mail being processed (set by the gateway only)."""
    return server_flag("gov_loket_mail") or {}


class HelpdeskTicket(models.Model):
    """Who really sent a mail, and what the gateway does with it.

    ``_gov_mail_intake`` reads the raw mail once: the receiving server's
    authentication result for the ``From`` address, whether a machine sent it,
    the headers that show its origin, and the BSNs in its text (masked in the
    subject and body before anything is stored). ``_gov_mail_routes`` then
    decides: an automatic mail never makes a request, a reply found by its
    request number goes onto that request, a sender over the limit adds to
    their last request, and a mail to several team aliases makes one request.
    """

    _inherit = "helpdesk.ticket"

    gov_mail_sender = fields.Char(
        string="Sender address",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Normalised From address of the mail that made this request.",
    )
    gov_sender_check = fields.Selection(
        SENDER_CHECKS,
        string="Sender check",
        readonly=True,
        copy=False,
        help="What the receiving mail server found about the From address "
        "(SPF, DKIM and DMARC in its Authentication-Results header). Only an "
        "authenticated sender is linked to the relation with that address.",
    )
    gov_sender_check_detail = fields.Char(
        string="Authentication result", readonly=True, copy=False
    )
    gov_mail_origin = fields.Text(
        string="Mail origin",
        readonly=True,
        copy=False,
        help="Headers that show where the mail came from: Return-Path, "
        "From, Sender, Reply-To, Authentication-Results and the last "
        "Received lines.",
    )
    gov_sender_check_note = fields.Char(
        string="Why not linked", compute="_compute_gov_sender_check_note"
    )
    gov_cc_team_ids = fields.Many2many(
        "helpdesk.ticket.team",
        "helpdesk_ticket_gov_cc_team_rel",
        "ticket_id",
        "team_id",
        string="Also sent to",
        readonly=True,
        copy=False,
        help="Other teams whose alias received the same mail. They follow "
        "this request instead of getting one of their own.",
    )

    # -- reading the mail --------------------------------------------------

    @api.model
    def _gov_mail_setting(self, param, default):
        # sudo: reads one non-secret setting; system parameters are admin-only.
        value = self.env["ir.config_parameter"].sudo().get_param(param)
        try:
            return int(value) if value not in (None, False, "") else default
        except ValueError:
            return default

    @api.model
    def _gov_mail_intake(self, message, message_dict):
        """Checks on the raw ``message``; masks BSNs in ``message_dict``."""
        headers = {name.lower(): str(value) for name, value in message.items()}
        sender = email_normalize(message_dict.get("email_from") or "") or ""
        # sudo: reads one non-secret setting; system parameters are admin-only.
        authserv_id = (
            self.env["ir.config_parameter"].sudo().get_param(AUTHSERV_ID_PARAM)
        )
        check, detail = mail_intake.sender_verdict(
            sender,
            [str(v) for v in message.get_all("Authentication-Results") or []],
            authserv_id=authserv_id or None,
        )
        origin_lines = []
        for name in mail_intake.ORIGIN_HEADERS:
            values = message.get_all(name) or []
            if name == "Received":
                values = values[: mail_intake.MAX_RECEIVED]
            origin_lines += [f"{name}: {' '.join(str(v).split())}" for v in values]
        subject, subject_bsns = mail_intake.mask_bsns(message_dict.get("subject"))
        body, body_bsns = mail_intake.mask_bsns(message_dict.get("body"))
        if subject_bsns:
            message_dict["subject"] = subject
        if body_bsns:
            message_dict["body"] = Markup(body)
        recipients = email_split(
            ",".join(str(v) for v in message.get_all("To") or [])
            + ","
            + ",".join(str(v) for v in message.get_all("Cc") or [])
        )
        return {
            "sender": sender,
            "check": check,
            "check_detail": detail[:500],
            "trusted": check == mail_intake.PASS,
            "automatic": mail_intake.automatic_reason(headers),
            "origin": "\n".join(origin_lines)[: mail_intake.MAX_ORIGIN_CHARS],
            "bsns": list(dict.fromkeys(subject_bsns + body_bsns)),
            "recipients": [email_normalize(r) or r.lower() for r in recipients],
            "follow_team_ids": [],
        }

    @api.model
    def _gov_mail_routes(self, routes, message_dict, intake):
        """The routes of a mail after the Loket's checks (see the class)."""
        if not intake["trusted"]:
            # The chatter message must not show a relation as its author, nor
            # make them a follower: the From address is not vouched for.
            message_dict["author_id"] = False
        others = [r for r in routes if r[0] != self._name]
        updates = [r for r in routes if r[0] == self._name and r[1]]
        new = [r for r in routes if r[0] == self._name and not r[1]]
        if intake["automatic"]:
            message_dict["is_internal"] = True
            message_dict["author_id"] = False
            message_dict["body"] = (
                Markup("<p><em>%s</em></p>")
                % self.env._(
                    "Automatic reply (%(reason)s), not written by the requester.",
                    reason=intake["automatic"],
                )
            ) + Markup(message_dict.get("body") or "")
            if new:
                intake["dropped"] = f"automatic mail, {intake['automatic']}"
            return others + updates
        if not new:
            return others + updates
        # sudo: the gateway's user may not read every request; these look-ups
        # only decide where the mail goes, and read nothing back to the sender.
        Ticket = self.sudo()
        reply = Ticket._gov_find_reply_target(message_dict, intake)
        if reply:
            _model, _thread, custom_values, user_id, alias = new[0]
            return [
                *others,
                *updates,
                (self._name, reply.id, custom_values, user_id, alias),
            ]
        last = Ticket._gov_over_mail_limit(intake["sender"])
        if last:
            intake["dropped"] = "over the limit per sender"
            _model, _thread, custom_values, user_id, alias = new[0]
            message_dict["body"] = (
                Markup("<p><em>%s</em></p>")
                % self.env._(
                    "This sender sent more new questions than the limit per "
                    "period allows: added to their last request."
                )
            ) + Markup(message_dict.get("body") or "")
            return [
                *others,
                *updates,
                (self._name, last.id, custom_values, user_id, alias),
            ]
        new = self._gov_order_by_recipient(new, intake["recipients"])
        intake["follow_team_ids"] = [
            team_id
            for route in new[1:]
            if (team_id := (route[2] or {}).get("team_id"))
            and team_id != (new[0][2] or {}).get("team_id")
        ]
        return [*others, *updates, new[0]]

    @api.model
    def _gov_order_by_recipient(self, routes, recipients):
        """Routes in the order their alias appears in To, then Cc."""

        def position(route):
            alias = route[4]
            name = alias.alias_full_name if alias else False
            return recipients.index(name) if name in recipients else len(recipients)

        return sorted(routes, key=position)

    @api.model
    def _gov_find_reply_target(self, message_dict, intake):
        """The request whose number the subject names, when the authenticated
        sender is its requester."""
        if not intake["trusted"] or not intake["sender"]:
            return self.browse()
        numbers = NUMBER_RE.findall(message_dict.get("subject") or "")[:5]
        if not numbers:
            return self.browse()
        for ticket in self.search([("number", "in", numbers)]):
            requester = {
                ticket.partner_id.email_normalized,
                email_normalize(ticket.partner_email or ""),
            }
            if intake["sender"] in requester:
                return ticket
        return self.browse()

    @api.model
    def _gov_over_mail_limit(self, sender):
        """The sender's last request when they reached the limit of new
        requests per period, else an empty recordset."""
        limit = self._gov_mail_setting(MAIL_LIMIT_PARAM, DEFAULT_MAIL_LIMIT)
        minutes = self._gov_mail_setting(
            MAIL_LIMIT_MINUTES_PARAM, DEFAULT_MAIL_LIMIT_MINUTES
        )
        if not sender or limit <= 0:
            return self.browse()
        since = self.env.cr.now() - datetime.timedelta(minutes=minutes)
        domain = [("gov_mail_sender", "=", sender), ("create_date", ">=", since)]
        if self.search_count(domain, limit=limit) < limit:
            return self.browse()
        return self.search(domain, order="create_date desc, id desc", limit=1)

    # -- creating and updating requests -------------------------------------

    @api.model
    def _gov_mail_custom_values(self, msg, custom_values):
        """Values of a new request from the intake of the mail."""
        intake = _intake()
        if not intake:
            return custom_values
        custom_values.update(
            gov_mail_sender=intake["sender"] or False,
            gov_sender_check=intake["check"],
            gov_sender_check_detail=intake["check_detail"] or False,
            gov_mail_origin=intake["origin"] or False,
        )
        if not intake["trusted"]:
            custom_values["partner_id"] = False
            if intake["sender"]:
                possible = self.env["res.partner"].search(
                    [("email_normalized", "=", intake["sender"])], order="id", limit=1
                )
                custom_values["gov_possible_partner_id"] = possible.id
        if intake["follow_team_ids"]:
            custom_values["gov_cc_team_ids"] = [(6, 0, intake["follow_team_ids"])]
        return custom_values

    def _gov_mail_after_new(self):
        """Followers from the other teams, BSN and acknowledgement."""
        self.ensure_one()
        intake = _intake()
        if not intake:
            return
        # The intake dict is the gateway's own, for this one mail.
        intake["new_ticket_id"] = self.id
        if self.gov_cc_team_ids:
            self.message_subscribe(
                partner_ids=self.gov_cc_team_ids.user_ids.partner_id.ids
            )
        if intake["trusted"] and intake["bsns"] and self.partner_id:
            self._gov_record_bsn(self.partner_id, intake["bsns"], "mail")
        self._gov_send_acknowledgement()
        self._gov_propose_same_request()

    def message_update(self, msg_dict, update_vals=None):
        res = super().message_update(msg_dict, update_vals=update_vals)
        intake = _intake()
        if intake and intake["trusted"] and intake["bsns"] and not intake["automatic"]:
            for ticket in self.filtered("partner_id"):
                if ticket.partner_id.email_normalized == intake["sender"]:
                    ticket._gov_record_bsn(ticket.partner_id, intake["bsns"], "mail")
        return res

    def _message_post_after_hook(self, message, msg_values):
        res = super()._message_post_after_hook(message, msg_values)
        # Inline images of the mail that made the request: the chatter message
        # links them to their attachments, the description still says "cid:".
        if (
            len(self) == 1
            and _intake().get("new_ticket_id") == self.id
            and message.message_type == "email"
            and "cid:" in (self.description or "")
            and "cid:" not in (message.body or "")
        ):
            self.description = message.body
        return res

    @api.depends("gov_sender_check", "partner_id")
    def _compute_gov_sender_check_note(self):
        texts = {
            "fail": self.env._(
                "The mail server could not confirm that this mail comes from "
                "the sender's domain (authentication failed): it may be forged."
            ),
            "misaligned": self.env._(
                "The mail was authenticated for another domain than the "
                "sender's address: it may be forged."
            ),
            "none": self.env._(
                "The mail server added no authentication result, so the "
                "sender's address is not confirmed."
            ),
        }
        for ticket in self:
            ticket.gov_sender_check_note = (
                False
                if ticket.partner_id
                else texts.get(ticket.gov_sender_check, False)
            )
