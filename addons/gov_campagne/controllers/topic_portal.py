"""The subscriber's own topics in the customer portal (/my/topics)."""

from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.http import request


class GovTopicPortal(CustomerPortal):
    def _gov_my_subscriptions(self):
        """The current user's own subscriptions that are not withdrawn, read
        with the user's own rights (portal users: a record rule limits them
        to their own; staff: the explicit partner filter)."""
        Subscription = request.env["gov.topic.subscription"]
        if not Subscription.has_access("read"):
            return Subscription
        return Subscription.search(
            [
                ("partner_id", "=", request.env.user.partner_id.id),
                ("state", "!=", "withdrawn"),
            ]
        )

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "gov_topic_count" in counters:
            values["gov_topic_count"] = len(self._gov_my_subscriptions())
        return values

    # website=True: the portal layout needs the frontend language values that
    # http_routing adds to such routes (no dependency on the website addon).
    @http.route("/my/topics", type="http", auth="user", methods=["GET"], website=True)
    def portal_my_topics(self, **kwargs):
        subscriptions = self._gov_my_subscriptions()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "gov_topics",
                "subscriptions": subscriptions,
                # sudo: only the names of the topics of the user's own
                # subscriptions; an unpublished topic stays hidden otherwise.
                "topic_names": {
                    sub.id: sub.sudo().topic_id.name for sub in subscriptions
                },
            }
        )
        return request.render("gov_campagne.portal_my_topics", values)

    @http.route(
        "/my/topics/<int:subscription_id>/withdraw",
        type="http",
        auth="user",
        methods=["POST"],
        readonly=False,
        website=True,
    )
    def portal_my_topic_withdraw(self, subscription_id, **kwargs):
        subscription = self._gov_my_subscriptions().filtered(
            lambda sub: sub.id == subscription_id
        )
        if subscription:
            # sudo: portal users cannot write subscriptions. This one was found
            # among the user's own, with their own rights, above.
            subscription.sudo()._withdraw(
                "web", request.httprequest.remote_addr or None
            )
        return request.redirect("/my/topics")
