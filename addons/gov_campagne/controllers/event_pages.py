"""Public event pages: upcoming published events and a registration form.

Plain http routes without the website or website_event addons. Visitors have
no rights on events: the pages read them with sudo, but only events that staff
published on the page and that have not ended (``_gov_public_domain``).
"""

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

# The name of the hidden field that people never see and robots fill in.
HONEYPOT = "website_url"


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
        values = {"event": event, "name": name, "email": email, "phone": phone}
        if request.httprequest.method != "POST":
            return self._page("event_detail_page", values)
        if kwargs.get(HONEYPOT):
            # A robot: answer as if it worked, register nothing.
            return self._page("event_registered_page", {"event": event})
        try:
            # sudo: the public user may not create relations or registrations.
            # The event is published and open, the input is validated and the
            # relation is matched by e-mail address, never changed.
            registration, is_new = event._gov_register_public(name, email, phone)
        except UserError as error:
            values["error"] = error.args[0]
            return self._page("event_detail_page", values, status=400)
        return self._page(
            "event_registered_page",
            {"event": event, "registration": registration, "is_new": is_new},
        )
