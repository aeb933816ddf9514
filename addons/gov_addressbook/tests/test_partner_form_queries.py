from odoo.tests import tagged

from .common import GovAddressbookCase

FORM_SPEC = {
    "display_name": {},
    "contact_moment_count": {},
    "contact_moment_ids": {
        "fields": {"occurred_at": {}, "channel": {}, "subject": {}, "user_id": {}},
        "limit": 40,
        "order": "occurred_at desc",
    },
}


@tagged("post_install", "-at_install")
class TestPartnerFormQueries(GovAddressbookCase):
    def _queries_to_open(self, moments):
        partner = self.Partner.create({"name": f"Timeline {moments}"})
        self.Moment.create(
            [{"partner_id": partner.id, "subject": f"Call {i}"} for i in range(moments)]
        )
        self.env.invalidate_all()
        partner = partner.with_user(self.employee)
        partner.web_read(FORM_SPEC)  # warm the registry and ACL caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        partner.web_read(FORM_SPEC)
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_the_timeline(self):
        self.assertEqual(self._queries_to_open(3), self._queries_to_open(300))
