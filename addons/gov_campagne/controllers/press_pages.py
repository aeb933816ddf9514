"""Public pages of the press releases that went out: list, one release and
its attachments.

Plain http routes without the website addon. A release becomes public at the
moment it is sent (its embargo moment); before that every URL of it answers
404, also when its id is guessed.
"""

import re

from odoo import http
from odoo.http import request

# /gov/pers/<id>-<slug>: the slug is decoration, the id decides.
_RELEASE_REF_RE = re.compile(r"^(\d{1,9})(?:-[\w-]*)?$")


class GovPressPages(http.Controller):
    # website=True only so that http_routing picks the visitor's language;
    # the website addon is not needed (as on the topic pages).

    def _sent_releases(self, release_id=None):
        domain = [("state", "=", "sent")]
        if release_id is not None:
            domain.append(("id", "=", release_id))
        # sudo: visitors have no rights on press releases. Only releases in
        # state "sent" are read, and those were mailed to the press at their
        # embargo moment: their text is public from then on. Drafts and
        # releases still under embargo never match this domain.
        return (
            request.env["gov.press.release"]
            .sudo()
            .search(domain, order="sent_at desc, id desc")
        )

    def _release_from_ref(self, ref):
        match = _RELEASE_REF_RE.match(ref or "")
        if not match:
            return None
        return self._sent_releases(int(match.group(1))) or None

    def _not_found(self):
        return request.render("gov_campagne.press_not_found_page", {}, status=404)

    @http.route("/gov/pers", type="http", auth="public", methods=["GET"], website=True)
    def press_releases(self, **kwargs):
        releases = self._sent_releases()  # newest first
        return request.render("gov_campagne.press_list_page", {"releases": releases})

    @http.route(
        "/gov/pers/<string:ref>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def press_release(self, ref, **kwargs):
        release = self._release_from_ref(ref)
        if not release:
            return self._not_found()
        return request.render("gov_campagne.press_release_page", {"release": release})

    @http.route(
        "/gov/pers/<string:ref>/attachment/<int:attachment_id>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
    )
    def press_attachment(self, ref, attachment_id, **kwargs):
        release = self._release_from_ref(ref)
        # Only a file that belongs to this sent release: other attachments
        # stay behind the normal access rules.
        attachment = release and release.attachment_ids.filtered(
            lambda att: att.id == attachment_id
        )
        if not attachment:
            return self._not_found()
        stream = request.env["ir.binary"]._get_stream_from(attachment)
        return stream.get_response(as_attachment=True)
