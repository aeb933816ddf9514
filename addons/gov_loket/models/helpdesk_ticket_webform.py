from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import mail_intake


class HelpdeskTicket(models.Model):
    """Requests sent through the public web form.

    An e-mail address typed on a public form is no proof of identity: a
    request whose address belongs to a relation is not linked to it (it would
    show in that relation's portal and send them status e-mails about a
    question they may never have asked). The relation is only suggested; the
    Loket links it after checking. An unknown address gets a new relation.
    """

    _inherit = "helpdesk.ticket"

    gov_webform = fields.Boolean(
        string="Sent through the web form", readonly=True, copy=False
    )
    gov_possible_partner_id = fields.Many2one(
        "res.partner",
        string="Possible relation",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="A relation with the e-mail address typed on the public web form. "
        "Anyone can type any address there: link the request to this relation "
        "only once you know the question is theirs (for example after a call).",
    )
    gov_webform_phone = fields.Char(
        string="Phone (web form)", readonly=True, copy=False
    )
    gov_webform_postcode = fields.Char(
        string="Postcode (web form)", readonly=True, copy=False
    )

    @api.depends("partner_id", "partner_email", "gov_possible_partner_id")
    def _compute_sender_unknown(self):
        res = super()._compute_sender_unknown()
        for ticket in self.filtered("gov_possible_partner_id"):
            # The relation is known, only not yet confirmed: see its banner.
            ticket.sender_unknown = False
        return res

    @api.model
    def _gov_webform_partner(self, values):
        """``(relation, possible relation)`` for the typed e-mail address.

        A relation that has the address is only returned as the possible
        relation; without one, a new relation is made from what was typed.
        """
        Partner = self.env["res.partner"]
        found = Partner.search(
            [("email_normalized", "=", values["email"])], order="id", limit=1
        )
        if found:
            return Partner, found
        partner = Partner.create(
            {
                "name": values["name"],
                "email": values["email"],
                "phone": values["phone"] or False,
                "zip": values["postcode"] or False,
            }
        )
        return partner, Partner

    @api.model
    def _gov_create_from_webform(self, values, ip_address):
        """Create the request for clean web-form ``values`` (see webform.py)."""
        partner, possible = self._gov_webform_partner(values)
        # A BSN typed in the question is shown masked everywhere.
        question, bsns = mail_intake.mask_bsns(values["question"])
        lines = [escape(line) for line in question.splitlines()]
        ticket = self.create(
            {
                "name": question.splitlines()[0][:80],
                "description": Markup("<p>%s</p>") % Markup("<br/>").join(lines),
                "partner_id": partner.id,
                "gov_possible_partner_id": possible.id,
                "gov_webform": True,
                "gov_webform_phone": values["phone"] or False,
                "gov_webform_postcode": values["postcode"] or False,
                "partner_name": values["name"],
                "partner_email": values["email"],
                "category_id": values["subject_id"],
                "channel_id": self.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_web"
                ).id,
                # Routed like any new request (the subject's team and its
                # assignment method), never assigned to the public user, as
                # helpdesk_mgmt's "auto assign" would do for the creator.
                "user_id": False,
            }
        )
        ticket._gov_propose_same_request()
        if bsns and partner:
            # Only on the relation this very submission created: an address
            # typed on a form proves nothing about an existing relation.
            ticket._gov_record_bsn(partner, bsns, "web_form")
        self.env["gov.loket.webform.submission"].create(
            {
                "email": values["email"],
                "ip_address": ip_address,
                "ticket_id": ticket.id,
            }
        )
        return ticket

    def _gov_contact_moment_vals(self, direction, channel, summary):
        vals = super()._gov_contact_moment_vals(direction, channel, summary)
        if self.gov_webform and direction == "inbound" and channel == "web_form":
            # No employee had this contact, also when the Loket links the
            # relation later.
            vals["user_id"] = False
        return vals

    def _gov_check_webform_unlinked(self):
        self.ensure_one()
        if self.partner_id:
            raise UserError(self.env._("This request is already linked to a relation."))

    def action_gov_link_possible_partner(self):
        """Link the request to the possible relation, after the Loket checked
        that the question is theirs: it then shows on their timeline and in
        their portal, and status e-mails go to them."""
        self._gov_check_webform_unlinked()
        if not self.gov_possible_partner_id:
            raise UserError(self.env._("This request has no possible relation."))
        self.write({"partner_id": self.gov_possible_partner_id.id})
        return True

    def action_gov_webform_new_partner(self):
        """Link the request to a new relation made from what was typed on the
        web form, when it is not the possible relation's question (a shared
        family address, a typing error)."""
        self._gov_check_webform_unlinked()
        if not self.partner_email:
            raise UserError(self.env._("The request has no valid sender address."))
        partner = self.env["res.partner"].create(
            {
                "name": self.partner_name or self.partner_email,
                "email": self.partner_email,
                "phone": self.gov_webform_phone or False,
                "zip": self.gov_webform_postcode or False,
            }
        )
        self.write({"partner_id": partner.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": partner.id,
            "view_mode": "form",
            "target": "current",
        }
