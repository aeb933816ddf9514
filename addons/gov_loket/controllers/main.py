from odoo import http
from odoo.addons.gov_addressbook import public_input
from odoo.http import request

from .. import webform


# website=True on the public routes only so that http_routing picks the visitor's
# language (the organisation's by default, or the one chosen on the page).
class LoketWebForm(http.Controller):
    """Public question form of the Loket: /loket/vraag."""

    def _gov_subjects(self):
        # sudo: the public user may not read subjects; only the names of the
        # subjects the organisation put on the web form are read.
        return (
            request.env["helpdesk.ticket.category"]
            .sudo()
            .search([("gov_web_form", "=", True)], order="sequence, name")
        )

    def _gov_render_form(self, values=None, errors=None, status=200):
        return request.render(
            "gov_loket.webform_question",
            {
                "subjects": self._gov_subjects(),
                "values": values or {},
                "errors": errors or {},
                "honeypot_field": webform.HONEYPOT_FIELD,
                "max_lengths": {
                    field: spec[0] for field, spec in webform.FIELDS.items()
                },
            },
            status=status,
        )

    @http.route(
        "/loket/vraag",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
        website=True,
    )
    def loket_question_form(self, **kwargs):
        return self._gov_render_form()

    @http.route(
        "/loket/vraag/verzenden",
        type="http",
        auth="public",
        methods=["POST"],
        readonly=False,
        sitemap=False,
        website=True,
    )
    def loket_question_submit(self, **post):
        Submission = request.env["gov.loket.webform.submission"]
        echo = webform.form_echo(post)
        if webform.is_spam(post):
            general = request.env._("Your question could not be sent.")
            return self._gov_render_form(echo, {"general": general}, status=400)
        subjects = self._gov_subjects()
        values, codes = webform.clean_submission(post, set(subjects.ids))
        if codes:
            errors = Submission._gov_error_messages(codes)
            return self._gov_render_form(echo, errors, status=400)
        # The client's address as Odoo sees it: the forwarded address only in
        # --proxy-mode (werkzeug's ProxyFix), never a header sent by a visitor.
        client = public_input.client_key(request.httprequest.remote_addr)
        # sudo: a read-only count of earlier submissions from this address.
        if Submission.sudo()._gov_is_rate_limited(values["email"], client):
            general = request.env._(
                "You have sent several questions in the last hour. Please try "
                "again later or call us."
            )
            return self._gov_render_form(echo, {"general": general}, status=429)
        # sudo: the public user cannot create requests. Safe because every
        # value was validated above (subject among the published ones, e-mail,
        # phone and postcode checked, text escaped into the description), the
        # model is fixed, and nothing of an existing relation is shown back or
        # linked: a relation with the typed address is only suggested to staff.
        ticket = (
            request.env["helpdesk.ticket"]
            .sudo()
            ._gov_create_from_webform(values, client)
        )
        return request.render(
            "gov_loket.webform_question_done",
            {"number": ticket.number, "answer_date": ticket.answer_date_text},
        )
