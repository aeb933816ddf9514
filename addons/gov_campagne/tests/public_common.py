from odoo.tests import HttpCase


class PublicVisitorCase(HttpCase):
    """Public pages seen by an anonymous visitor, on the test's transaction."""

    def setUp(self):
        super().setUp()
        self.authenticate(None, None)  # a public visitor's session

    def url_open(self, *args, **kwargs):
        # The server shares this test's transaction: hand it our pending
        # writes first, and read what it changed afterwards.
        self.env.flush_all()
        response = super().url_open(*args, **kwargs)
        self.env.invalidate_all()
        return response
