from odoo import api, fields, models


class GovContactMoment(models.Model):
    """A contact moment attached to a request that was already open."""

    _inherit = "gov.contact.moment"

    gov_repeat_request_id = fields.Many2one(
        "helpdesk.ticket",
        string="Repeat contact on request",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        help="The relation contacted us again about a request that was already "
        "open: a repeat contact (failure demand).",
    )
    gov_repeat_category_id = fields.Many2one(
        related="gov_repeat_request_id.category_id",
        string="Subject of the repeat contact",
        store=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        moments = super().create(vals_list)
        moments._gov_notify_requests()
        return moments

    def _gov_notify_requests(self):
        """Tell the requests their contact moments; an outbound one is the
        answer to a low satisfaction score (see the score follow-up)."""
        for moment in self.filtered(
            lambda m: m.res_model == "helpdesk.ticket" and m.res_id
        ):
            # sudo: the moment's creator may write the timeline but not every
            # request field; only the follow-up of this very request is closed.
            ticket = self.env["helpdesk.ticket"].sudo().browse(moment.res_id)
            if moment.gov_repeat_request_id:
                ticket.message_post(
                    body=self.env._(
                        "Repeat contact (%(channel)s): %(subject)s",
                        channel=dict(
                            moment._fields["channel"]._description_selection(self.env)
                        ).get(moment.channel),
                        subject=moment.subject,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            if moment.direction == "outbound":
                ticket._gov_close_score_follow_up(moment)
