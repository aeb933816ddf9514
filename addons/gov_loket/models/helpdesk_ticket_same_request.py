import datetime

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .helpdesk_ticket_service_promise import SAME_REQUEST_DAYS, SAME_REQUEST_PARAM

CANCELLED_STAGE = "helpdesk_mgmt.helpdesk_ticket_stage_cancelled"


class HelpdeskTicket(models.Model):
    """One request across channels: a new contact about an open request is
    attached to it, not counted as a new request."""

    _inherit = "helpdesk.ticket"

    gov_same_request_id = fields.Many2one(
        "helpdesk.ticket",
        string="Same request as",
        copy=False,
        index="btree_not_null",
        domain="[('id', '!=', id), ('stage_id.closed', '=', False), "
        "('partner_id', 'in', [partner_id, gov_possible_partner_id])]",
        help="An open request of the same relation this question is probably "
        "about. Confirm to attach this contact to it: its timeline then shows "
        "both channels and the norm keeps running from the first contact.",
    )
    gov_repeat_moment_ids = fields.One2many(
        "gov.contact.moment",
        "gov_repeat_request_id",
        string="Repeat contact moments",
        readonly=True,
        groups="gov_addressbook.group_reader",
    )
    repeat_contact_count = fields.Integer(
        string="Repeat contacts",
        compute="_compute_repeat_contact_count",
        store=True,
        aggregator="sum",
        help="Contacts attached to this request after it was opened.",
    )

    @api.depends("gov_repeat_moment_ids")
    def _compute_repeat_contact_count(self):
        # Stored, so computed as superuser: a confidential moment the reader
        # may not open still counts.
        counts = dict(
            self.env["gov.contact.moment"]._read_group(
                [("gov_repeat_request_id", "in", self.ids)],
                ["gov_repeat_request_id"],
                ["__count"],
            )
        )
        for ticket in self:
            ticket.repeat_contact_count = counts.get(ticket, 0)

    def _gov_propose_same_request(self):
        """Propose an open request of the same relation on the same subject,
        received within the window of the settings (e-mail, web form)."""
        days = self._gov_mail_setting(SAME_REQUEST_PARAM, SAME_REQUEST_DAYS)
        if days <= 0:
            return
        for ticket in self:
            partner = ticket.partner_id or ticket.gov_possible_partner_id
            if not partner:
                continue
            received = ticket.received_date or fields.Datetime.now()
            domain = [
                ("id", "!=", ticket.id),
                ("partner_id", "=", partner.id),
                ("stage_id.closed", "=", False),
                ("received_date", ">=", received - datetime.timedelta(days=days)),
                ("category_id", "=", ticket.category_id.id),
            ]
            if not ticket.category_id:
                # Without a subject, the team the question went to is the subject.
                domain.append(("team_id", "=", ticket.team_id.id))
            earlier = self.search(domain, order="received_date, id", limit=1)
            if earlier:
                ticket.gov_same_request_id = earlier

    def action_gov_confirm_same_request(self):
        """Attach this request's contacts to the request it is the same as,
        and close this one as its duplicate."""
        self.ensure_one()
        target = self.gov_same_request_id
        if not target:
            raise UserError(self.env._("Choose the request this one is the same as."))
        if target.stage_id.closed:
            raise UserError(
                self.env._(
                    "Request %(number)s is already closed: it cannot take "
                    "another contact.",
                    number=target.number,
                )
            )
        # sudo: the moments of this very request move with it; a record rule
        # on confidential moments must not leave one behind.
        moments = (
            self.env["gov.contact.moment"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "=", self.id)])
        )
        moments.write({"res_id": target.id, "gov_repeat_request_id": target.id})
        target.message_post(
            body=Markup("<p>%s</p>%s")
            % (
                self.env._(
                    "Same request as %(number)s (%(channel)s), attached:",
                    number=self.number,
                    channel=self.channel_id.name or "-",
                ),
                self.description or "",
            ),
            subtype_xmlid="mail.mt_note",
        )
        first = min(
            filter(None, (target.received_date, self.received_date)),
            default=target.received_date,
        )
        if first != target.received_date:
            # The norm runs from the first contact.
            target.received_date = first
        self.message_post(
            body=self.env._(
                "Attached to request %(number)s as the same request.",
                number=target.number,
            ),
            subtype_xmlid="mail.mt_note",
        )
        # No tracking: the stage's "closed" mail must not tell the requester
        # that their question is closed while it goes on in the other request.
        self.with_context(mail_notrack=True).write(
            {
                "duplicate_id": target.id,
                "stage_id": self.env.ref(CANCELLED_STAGE).id,
                "gov_same_request_id": False,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": target.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_gov_reject_same_request(self):
        """Not the same question: keep this request on its own."""
        self.write({"gov_same_request_id": False})
        return True

    def _gov_attach_vals(self, direction):
        """Values that attach a new contact moment to this open request; an
        inbound one is a repeat contact."""
        self.ensure_one()
        # A closed request still takes the call that follows up its score.
        follow_up = direction == "outbound" and self._gov_score_follow_up_open()
        if self.stage_id.closed and not follow_up:
            raise UserError(
                self.env._(
                    "Request %(number)s is already closed: it cannot take "
                    "another contact.",
                    number=self.number,
                )
            )
        vals = {"res_model": self._name, "res_id": self.id}
        if direction == "inbound":
            vals["gov_repeat_request_id"] = self.id
        return vals

    @api.model
    def _gov_open_requests_domain(self, partner):
        return [("partner_id", "=", partner.id), ("stage_id.closed", "=", False)]
