"""Public event pages: upcoming published events and a registration form.

Plain http routes without the website or website_event addons. Visitors have
no rights on events: the pages read them with sudo, but only events that staff
published on the page and that have not ended (``_gov_public_domain``).
"""

from odoo import http
from odoo.addons.gov_addressbook import public_input
from odoo.exceptions import UserError
from odoo.http import request

from . import public_form

# The name of the hidden field that people never see and robots fill in.
HONEYPOT = "website_url"
# The registration form: field -> (maximum length, multi-line, required).
REGISTER_FIELDS = {
    "name": (public_input.MAX_NAME, False, False),
    "email": (public_input.MAX_EMAIL, False, False),
    "phone": (public_input.MAX_PHONE, False, False),
}
REGISTER_SCOPE = "gov_campagne.event_registration"


class GovEventPages(http.Controller):
    # website=True only so that http_routing picks the visitor's language.

    def _public_events(self, event_id=None):
        domain = request.env["event.event"]._gov_public_domain()
        if event_id is not None:
            if not 0 < event_id < 2**31:
                return request.env["event.event"]
            domain.append(("id", "=", event_id))
        # sudo: visitors may not read events; only published, upcoming ones
        # are searched and the pages show their public details only.
        return request.env["event.event"].sudo().search(domain, order="date_begin, id")

    def _page(self, template, values=None, status=200):
        return request.render(f"gov_campagne.{template}", values or {}, status=status)

    def _not_found(self):
        return self._page("event_not_found_page", status=404)

    @http.route(
        "/gov/evenementen", type="http", auth="public", methods=["GET"], website=True
    )
    def events(self, **kwargs):
        return self._page("event_list_page", {"events": self._public_events()})

    @http.route(
        "/gov/evenementen/<int:event_id>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        readonly=False,
        website=True,
    )
    def event(self, event_id, name="", email="", phone="", **kwargs):
        event = self._public_events(event_id)
        if not event:
            return self._not_found()
        form = {"name": name, "email": email, "phone": phone}
        values = {"event": event, **public_form.echo(form, REGISTER_FIELDS)}
        if request.httprequest.method != "POST":
            return self._page("event_detail_page", values)
        if public_input.is_spam(kwargs, HONEYPOT):
            # A robot: answer as if it worked, register nothing.
            return self._page("event_registered_page", {"event": event})
        clean, error = public_form.clean(form, REGISTER_FIELDS)
        if error:
            values["error"] = error
            return self._page("event_detail_page", values, status=400)
        error = public_form.rate_limited(REGISTER_SCOPE, clean["email"])
        if error:
            values["error"] = error
            return self._page("event_detail_page", values, status=429)
        try:
            # sudo: the public user may not create relations or registrations.
            # The event is published and open, the input is checked (length,
            # control characters, rate limit, then the model's validation) and
            # the relation is matched by e-mail address, never changed.
            registration, is_new = event._gov_register_public(
                clean["name"], clean["email"], clean["phone"]
            )
        except UserError as error:
            values["error"] = error.args[0]
            return self._page("event_detail_page", values, status=400)
        return self._page(
            "event_registered_page",
            {"event": event, "registration": registration, "is_new": is_new},
        )
