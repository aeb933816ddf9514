from odoo import api, fields, models
from odoo.exceptions import UserError

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

    def action_register(self):
        """Create the contact moment and the requests, then show the requests."""
        self.ensure_one()
        if not self.line_ids:
            raise UserError(self.env._("Add at least one question."))
        if self.channel_id.gov_channel not in REGISTER_CHANNELS:
            raise UserError(
                self.env._("The register screen is for phone and counter contacts.")
            )
        self.line_ids._gov_check_complete()
        first = self.line_ids[0]
        moment = self.env["gov.contact.moment"].create(
            {
                "partner_id": self.partner_id.id,
                "channel": self.channel_id.gov_channel,
                "direction": "inbound",
                "subject": first.question[:120]
                if len(self.line_ids) == 1
                else self.env._(
                    "%(count)s questions: %(first)s",
                    count=len(self.line_ids),
                    first=first.question[:100],
                ),
                "summary": self._gov_moment_summary(),
                "user_id": self.env.user.id,
            }
        )
        tickets = self.env["helpdesk.ticket"].create(
            [line._gov_ticket_vals(moment) for line in self.line_ids]
        )
        moment.write({"res_model": tickets._name, "res_id": tickets[0].id})
        for line, ticket in zip(self.line_ids, tickets, strict=True):
            line._gov_apply_outcome(ticket)
        return self._gov_show_requests(tickets)

    @api.model
    def _gov_show_requests(self, tickets):
        action = {
            "name": self.env._("Registered requests"),
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
        }
        if len(tickets) == 1:
            return dict(
                action, view_mode="form", views=[(False, "form")], res_id=tickets.id
            )
        return dict(
            action,
            view_mode="list,form",
            views=[(False, "list"), (False, "form")],
            domain=[("id", "in", tickets.ids)],
        )
