"""Public pages of the topics: list and subscribe, confirm, unsubscribe.

Plain http routes without the website addon. The visitor is the public user:
topics are read with the visitor's own rights (record rules show published
topics only); subscriptions are found by their secret token alone.
"""

from odoo import http
from odoo.addons.gov_addressbook import public_input
from odoo.exceptions import UserError
from odoo.http import request

from .. import topic_links
from . import public_form

# The subscribe form: field -> (maximum length, multi-line, required).
SUBSCRIBE_FIELDS = {
    "name": (public_input.MAX_NAME, False, False),
    "email": (public_input.MAX_EMAIL, False, False),
}
SUBSCRIBE_SCOPE = "gov_campagne.topic_subscribe"


class GovTopicPages(http.Controller):
    # The routes say website=True only so that http_routing picks the
    # visitor's language (browser or cookie); the website addon is not needed.

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def _ip(self):
        return request.httprequest.remote_addr or None

    def _published_topics(self, topic_id=None):
        domain = [("published", "=", True)]
        if topic_id is not None:
            domain.append(("id", "=", topic_id))
        return request.env["gov.topic"].search(domain)

    def _subscription_from_token(self, token):
        if not topic_links.is_wellformed_token(token):
            return None
        # sudo: visitors have no rights on subscriptions. The token is the
        # unguessable secret mailed to the subscriber, so whoever holds it may
        # see and change that one subscription; nothing else is searched.
        subscription = (
            request.env["gov.topic.subscription"]
            .sudo()
            .search([("token", "=", token)], limit=1)
        )
        return subscription or None

    def _page(self, template, values=None, status=200):
        return request.render(f"gov_campagne.{template}", values or {}, status=status)

    def _bad_token(self):
        return self._page("topic_bad_link_page", status=404)

    # ------------------------------------------------------------------
    # Routes
    # ------------------------------------------------------------------

    @http.route(
        "/gov/topics", type="http", auth="public", methods=["GET"], website=True
    )
    def topics(self, **kwargs):
        return self._page("topic_list_page", {"topics": self._published_topics()})

    @http.route(
        "/gov/topics/subscribe",
        type="http",
        auth="public",
        methods=["POST"],
        readonly=False,
        website=True,
    )
    def subscribe(self, topic_id=None, name="", email="", **kwargs):
        try:
            topic_id = int(topic_id)
        except (TypeError, ValueError):
            topic_id = 0
        # Out-of-range ids would make PostgreSQL fail: answer them as unknown.
        topic = request.env["gov.topic"]
        if 0 < topic_id < 2**31:
            topic = self._published_topics(topic_id)
        form = {"name": name, "email": email}
        values = {
            "topics": self._published_topics(),
            **public_form.echo(form, SUBSCRIBE_FIELDS),
        }
        if not topic:
            values["error"] = request.env._("This topic cannot be followed.")
            return self._page("topic_list_page", values, status=400)
        if public_input.is_spam(kwargs):
            # A robot: answer as if it worked, subscribe nobody.
            return self._page("topic_check_mail_page", {"topic_name": topic.name})
        values["error_topic_id"] = topic.id
        clean, error = public_form.clean(form, SUBSCRIBE_FIELDS)
        if error:
            values["error"] = error
            return self._page("topic_list_page", values, status=400)
        error = public_form.rate_limited(SUBSCRIBE_SCOPE, clean["email"])
        if error:
            values["error"] = error
            return self._page("topic_list_page", values, status=429)
        name, email = clean["name"], clean["email"]
        try:
            # sudo: the public user may not create relations or subscriptions.
            # The topic was read with the visitor's own rights above, name and
            # e-mail address are checked (length, control characters, rate
            # limit) and the address only gets a pending subscription plus a
            # confirmation mail to that same address.
            request.env["gov.topic.subscription"].sudo()._subscribe_by_email(
                topic, name, email, "web", self._ip()
            )
        except UserError as error:
            values["error"] = error.args[0]
            return self._page("topic_list_page", values, status=400)
        # The same answer whether or not the address was known: the page tells
        # nobody who follows what.
        return self._page("topic_check_mail_page", {"topic_name": topic.name})

    @http.route(
        "/gov/topics/confirm/<string:token>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        readonly=False,
        website=True,
    )
    def confirm(self, token, **kwargs):
        # GET only shows a button: mail scanners that open links must not be
        # able to give consent on the subscriber's behalf.
        subscription = self._subscription_from_token(token)
        if not subscription:
            return self._bad_token()
        if request.httprequest.method == "POST":
            subscription._confirm("web", self._ip())
        return self._page(
            "topic_confirm_page",
            {"subscription": subscription, "topic_name": subscription.topic_id.name},
        )

    @http.route(
        "/gov/topics/unsubscribe/<string:token>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        readonly=False,
        website=True,
    )
    def unsubscribe(self, token, **kwargs):
        subscription = self._subscription_from_token(token)
        if not subscription:
            return self._bad_token()
        if request.httprequest.method == "POST":
            subscription._withdraw("web", self._ip())
        return self._page(
            "topic_unsubscribe_page",
            {"subscription": subscription, "topic_name": subscription.topic_id.name},
        )

    @http.route(
        "/gov/topics/unsubscribe/<string:token>/one-click",
        type="http",
        auth="public",
        methods=["POST"],
        readonly=False,
        website=True,
        # RFC 8058: the mail client posts without a CSRF token. The token in
        # the URL is itself the secret, so a forged request cannot guess it.
        csrf=False,
    )
    def unsubscribe_one_click(self, token, **kwargs):
        subscription = self._subscription_from_token(token)
        if not subscription:
            return request.make_response("Unknown link", status=404)
        subscription._withdraw("web", self._ip())
        return request.make_response("Unsubscribed", [("Content-Type", "text/plain")])
