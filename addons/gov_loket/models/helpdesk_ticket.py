import datetime
from zoneinfo import ZoneInfo

from odoo import api, fields, models
from odoo.addons.gov_addressbook.models.gov_contact_moment import CHANNELS
from odoo.exceptions import ValidationError
from odoo.tools import html2plaintext

from .. import working_days
from .helpdesk_ticket_category import DEFAULT_CALLBACK_NORM_DAYS

# The organisation's calendar: received dates are counted in Dutch local time.
LOCAL_TZ = ZoneInfo("Europe/Amsterdam")


def local_date(value):
    """Date in Dutch local time of a naive UTC datetime stored by Odoo."""
    return value.replace(tzinfo=datetime.UTC).astimezone(LOCAL_TZ).date()


class HelpdeskTicket(models.Model):
    """A Loket request: registration, deadline and contact timeline."""

    _inherit = "helpdesk.ticket"
    # See gov_addressbook's base_input_guard: a clear refusal over RPC too.
    _gov_text_limits = {"name": 256, "partner_name": 256, "partner_email": 254}

    received_date = fields.Datetime(
        string="Received",
        default=fields.Datetime.now,
        copy=False,
        index=True,
        help="When the question reached the organisation; the service norm "
        "counts from this moment.",
    )
    deadline_date = fields.Date(
        string="Answer by",
        compute="_compute_deadline_date",
        store=True,
        index=True,
        help="Received date plus the subject's service norm in working days "
        "(weekends and Dutch public holidays do not count).",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Still open after its deadline.",
    )
    is_callback = fields.Boolean(
        string="Call-back note",
        tracking=True,
        help="The requester asked to be called back. The request can only be "
        "closed once the call is registered as an outbound phone contact.",
    )
    answer = fields.Text(copy=False, tracking=True)
    answer_channel = fields.Selection(
        CHANNELS,
        copy=False,
        help="Channel the answer is sent on; empty means the requester's "
        "preferred channel.",
    )
    answered_date = fields.Datetime(string="Answered on", copy=False, readonly=True)
    contact_moment_ids = fields.One2many(
        "gov.contact.moment",
        "res_id",
        string="Contact moments",
        domain=[("res_model", "=", "helpdesk.ticket")],
        readonly=True,
    )
    handover_ids = fields.One2many(
        "gov.loket.handover", "ticket_id", string="Hand-overs", readonly=True
    )
    # helpdesk_mgmt leaves this self-reference unindexed, so deleting a request
    # scans the whole table for duplicates pointing at it.
    duplicate_id = fields.Many2one(index="btree_not_null")

    @api.depends(
        "received_date",
        "is_callback",
        "category_id.service_norm_days",
        "category_id.callback_norm_days",
    )
    def _compute_deadline_date(self):
        for ticket in self:
            received = ticket.received_date or ticket.create_date
            norm = ticket._gov_norm_days()
            if not received or norm is None:
                ticket.deadline_date = False
                continue
            ticket.deadline_date = working_days.add_working_days(
                local_date(received), norm
            )

    def _gov_norm_days(self):
        """Working days allowed for this request, or None when there is no norm."""
        self.ensure_one()
        if self.is_callback:
            if self.category_id:
                return self.category_id.callback_norm_days
            return DEFAULT_CALLBACK_NORM_DAYS
        if self.category_id:
            return self.category_id.service_norm_days or None
        # No subject yet: the organisation's default norm, on every channel.
        return self._gov_default_norm_days() or None

    @api.model
    def _gov_today(self):
        return datetime.datetime.now(LOCAL_TZ).date()

    @api.depends("deadline_date", "stage_id.closed")
    def _compute_is_overdue(self):
        today = self._gov_today()
        for ticket in self:
            ticket.is_overdue = bool(
                ticket.deadline_date
                and ticket.deadline_date < today
                and not ticket.stage_id.closed
            )

    def _search_is_overdue(self, operator, value):
        if operator != "in":
            return NotImplemented
        today = self._gov_today()
        overdue = [("deadline_date", "<", today), ("stage_id.closed", "=", False)]
        on_time = [
            "|",
            "|",
            ("deadline_date", "=", False),
            ("deadline_date", ">=", today),
            ("stage_id.closed", "=", True),
        ]
        wanted = {bool(v) for v in value}
        if wanted == {True, False}:
            return []
        return overdue if True in wanted else on_time

    @api.depends("user_id", "category_id")
    def _compute_team_id(self):
        # The subject's responsible team comes first, the assignee's team second.
        for ticket in self:
            if not ticket.team_id and ticket.category_id.team_id:
                ticket.team_id = ticket.category_id.team_id
        return super()._compute_team_id()

    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets._gov_register_inbound_contact()
        return tickets

    def write(self, vals):
        res = super().write(vals)
        if vals.get("partner_id"):
            self._gov_register_inbound_contact()
        return res

    def _gov_contact_moment_vals(self, direction, channel, summary):
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "channel": channel,
            "direction": direction,
            "subject": f"{self.number} - {self.name}",
            "summary": summary,
            "occurred_at": fields.Datetime.now(),
            # No employee had the contact when it came in through the public
            # web form.
            "user_id": False if self.env.user._is_public() else self.env.user.id,
            "res_model": self._name,
            "res_id": self.id,
            "confidentiality": "vertrouwelijk"
            if self.category_id.confidential
            else "intern",
        }

    def _gov_register_inbound_contact(self):
        """Put the question on the requester's timeline (once per request)."""
        Moment = self.env["gov.contact.moment"].sudo()
        vals_list = []
        # Requests registered in one call share that call's contact moment.
        for ticket in self.filtered(lambda t: t.partner_id and not t.call_moment_id):
            # sudo: an existence check on moments of this very request, which a
            # record rule on confidential moments must not hide.
            known = Moment.search_count(
                [
                    ("res_model", "=", ticket._name),
                    ("res_id", "=", ticket.id),
                    ("direction", "=", "inbound"),
                ],
                limit=1,
            )
            if known:
                continue
            vals = ticket._gov_contact_moment_vals(
                "inbound",
                ticket.channel_id.gov_channel or "other",
                html2plaintext(ticket.description or ""),
            )
            vals["occurred_at"] = ticket.received_date or fields.Datetime.now()
            vals_list.append(vals)
        # sudo: requests also arrive from the portal and the mail gateway, whose
        # users may not write the timeline; every value above comes from the
        # request just created or linked, not from the caller.
        Moment.create(vals_list)

    def _gov_has_callback_outcome(self):
        self.ensure_one()
        # sudo: read-only check that an outbound call exists for this request;
        # it must not depend on who may read a confidential moment.
        return bool(
            self.env["gov.contact.moment"]
            .sudo()
            .search_count(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "=", self.id),
                    ("direction", "=", "outbound"),
                    ("channel", "=", "phone"),
                ],
                limit=1,
            )
        )

    @api.constrains("stage_id", "is_callback")
    def _check_callback_outcome(self):
        for ticket in self:
            if (
                ticket.is_callback
                and ticket.stage_id.closed
                and not ticket._gov_has_callback_outcome()
            ):
                raise ValidationError(
                    self.env._(
                        "Request %(number)s is a call-back note: register the "
                        "call (an outbound phone contact) before closing it.",
                        number=ticket.number,
                    )
                )
