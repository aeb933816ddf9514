from odoo import http
from odoo.exceptions import ValidationError
from odoo.http import request


class LoketSatisfaction(http.Controller):
    """Public page where a requester scores the answer: the link in the mail."""

    def _gov_render(self, ticket, token, error=None, status=200):
        return request.render(
            "gov_loket.satisfaction_form",
            {
                "ticket": ticket,
                "token": token,
                "scores": range(1, 6),
                "error": error,
            },
            status=status,
        )

    @http.route(
        "/loket/tevredenheid/<int:ticket_id>/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
        website=True,
    )
    def loket_satisfaction_form(self, ticket_id, token, **kwargs):
        ticket = request.env["helpdesk.ticket"]._gov_from_satisfaction_token(
            ticket_id, token
        )
        if not ticket:
            raise request.not_found()
        if ticket.satisfaction_date:
            return request.render("gov_loket.satisfaction_done", {"ticket": ticket})
        return self._gov_render(ticket, token)

    @http.route(
        "/loket/tevredenheid/<int:ticket_id>/<string:token>",
        type="http",
        auth="public",
        methods=["POST"],
        readonly=False,
        sitemap=False,
        website=True,
    )
    def loket_satisfaction_submit(self, ticket_id, token, **post):
        ticket = request.env["helpdesk.ticket"]._gov_from_satisfaction_token(
            ticket_id, token
        )
        if not ticket:
            raise request.not_found()
        try:
            # The ticket is already sudo (see _gov_from_satisfaction_token):
            # only the score and the comment are written.
            ticket._gov_rate(post.get("score"), post.get("comment"))
        except ValidationError as error:
            return self._gov_render(ticket, token, error=str(error), status=400)
        return request.render("gov_loket.satisfaction_done", {"ticket": ticket})
