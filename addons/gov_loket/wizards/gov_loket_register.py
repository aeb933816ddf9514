from odoo import api, fields, models
from odoo.exceptions import UserError

from .gov_contact_register import OPEN_REQUESTS_DOMAIN

REGISTER_CHANNELS = ("phone", "counter")


class GovLoketRegister(models.TransientModel):
    """Register a phone call or counter visit: one contact, one or more questions.

    Confirming creates one inbound contact moment for the whole contact and one
    request per question, each with its own subject and outcome.
    """

    _name = "gov.loket.register"
    _description = "Register a call or counter visit"

    partner_id = fields.Many2one(
        "res.partner",
        string="Relation",
        required=True,
        help="Search by name, phone number, postcode and house number or KvK "
        "number; type a new name to create the relation.",
    )
    channel_id = fields.Many2one(
        "helpdesk.ticket.channel",
        required=True,
        domain=[("gov_channel", "in", REGISTER_CHANNELS)],
        default=lambda self: self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_channel_phone", raise_if_not_found=False
        ),
    )
    duration = fields.Integer(
        string="Duration (min)", help="Length of the call or visit in minutes."
    )
    gov_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="About open request",
        domain=OPEN_REQUESTS_DOMAIN,
        help="The caller's open requests: choose the one this call is about "
        "to attach the call to it instead of registering a new question.",
    )
    line_ids = fields.One2many(
        "gov.loket.register.line", "register_id", string="Questions"
    )

    _check_duration = models.Constraint(
        "CHECK(duration >= 0)", "A duration cannot be negative."
    )

    def _gov_moment_summary(self):
        outcomes = dict(
            self.env["gov.loket.register.line"]
            ._fields["outcome"]
            ._description_selection(self.env)
        )
        lines = [
            f"- {line.category_id.name or '-'}: {line.question} "
            f"({outcomes.get(line.outcome)})"
            for line in self.line_ids
        ]
        if self.duration:
            lines.append(self.env._("Duration: %(minutes)s min", minutes=self.duration))
        return "\n".join(lines)

    def _gov_moment_subject(self):
        if not self.line_ids:
            return self.gov_ticket_id.display_name[:120]
        first = self.line_ids[0]
        if len(self.line_ids) == 1:
            return first.question[:120]
        return self.env._(
            "%(count)s questions: %(first)s",
            count=len(self.line_ids),
            first=first.question[:100],
        )

    def action_register(self):
        """Create the contact moment and the requests, then show the requests."""
        self.ensure_one()
        if not self.line_ids and not self.gov_ticket_id:
            raise UserError(
                self.env._("Add at least one question, or choose the open request.")
            )
        if self.channel_id.gov_channel not in REGISTER_CHANNELS:
            raise UserError(
                self.env._("The register screen is for phone and counter contacts.")
            )
        self.line_ids._gov_check_complete()
        moment_vals = {
            "partner_id": self.partner_id.id,
            "channel": self.channel_id.gov_channel,
            "direction": "inbound",
            "subject": self._gov_moment_subject(),
            "summary": self._gov_moment_summary(),
            "user_id": self.env.user.id,
        }
        if self.gov_ticket_id:
            # A call about an open request: one request across channels.
            moment_vals.update(self.gov_ticket_id._gov_attach_vals("inbound"))
        moment = self.env["gov.contact.moment"].create(moment_vals)
        tickets = self.env["helpdesk.ticket"].create(
            [line._gov_ticket_vals(moment) for line in self.line_ids]
        )
        if not tickets:
            return self._gov_show_request(self.gov_ticket_id)
        if not self.gov_ticket_id:
            moment.write({"res_model": tickets._name, "res_id": tickets[0].id})
        for line, ticket in zip(self.line_ids, tickets, strict=True):
            line._gov_apply_outcome(ticket)
        return self._gov_show_call_requests(moment, tickets)

    @api.model
    def _gov_show_call_requests(self, moment, tickets):
        """The requests of this call, at an address that shows them again.

        The action has a path and finds the requests by the call's contact
        moment (the active id), so the address is ``/odoo/<moment>/
        loket-call-requests[/<request>]``: a reload or a shared link shows the
        same requests. ``target: main`` starts a new breadcrumb, so the id of
        the closed wizard never ends up in the address as a record id.
        """
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gov_loket.helpdesk_ticket_action_call_requests"
        )
        action["target"] = "main"
        action["context"] = {
            "active_id": moment.id,
            "active_model": moment._name,
            "create": False,
        }
        if len(tickets) == 1:
            action.update(view_mode="form", views=[(False, "form")], res_id=tickets.id)
        return action

    @api.model
    def _gov_show_request(self, ticket):
        """One existing request, opened from the Requests menu's address."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gov_loket.helpdesk_ticket_action"
        )
        action.update(
            target="main",
            view_mode="form",
            views=[(False, "form")],
            res_id=ticket.id,
            context={},
        )
        return action
