from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..server_context import server_flags
from .privacy_common import BSN_ANNA, BSN_KEES, GovPrivacyCase


@tagged("post_install", "-at_install")
class TestBsnLogging(GovPrivacyCase):
    def test_read_logs_one_line_per_partner(self):
        values = self.citizens.with_user(self.bsn_clerk).read(["name", "bsn"])
        self.assertEqual(values[0]["bsn"], BSN_ANNA)
        lines = self._log_lines(user_id=self.bsn_clerk.id)
        self.assertEqual(lines.partner_id, self.citizens)
        self.assertEqual(len(lines), 3)
        self.assertEqual(set(lines.mapped("activity")), {"read_bsn"})
        self.assertEqual(set(lines.mapped("purpose")), {"relation_management"})
        self.assertEqual(set(lines.mapped("origin")), {"rpc"})
        self.assertEqual(set(lines.mapped("fields_accessed")), {"bsn"})
        self.assertTrue(all(lines.mapped("occurred_at")))

    def test_read_without_bsn_is_not_logged(self):
        self.citizens.with_user(self.bsn_clerk).read(["name", "email"])
        self.citizens.with_user(self.bsn_clerk).search_read(
            [("name", "ilike", "Visser")], ["name"]
        )
        self.assertFalse(self._log_lines())

    def test_web_read_outside_the_web_client_is_logged_as_rpc(self):
        # The form and list origins need the web client's route: see
        # test_security_bsn_web_client.py.
        self.anna.with_user(self.bsn_clerk).web_read({"bsn": {}, "name": {}})
        line = self._log_lines(partner_id=self.anna.id)
        self.assertEqual(line.origin, "rpc")
        self.assertEqual(line.activity, "read_bsn")

    def test_web_search_read_is_logged_once_per_relation(self):
        Partner = self.Partner.with_user(self.bsn_clerk)
        result = Partner.web_search_read(
            [("id", "in", self.citizens.ids)], {"name": {}, "bsn": {}}
        )
        self.assertEqual(result["length"], 3)
        lines = self._log_lines(activity="read_bsn")
        self.assertEqual(lines.partner_id, self.citizens)
        self.assertEqual(set(lines.mapped("origin")), {"rpc"})

    def test_purpose_and_origin_are_never_the_callers_claim(self):
        """Issue 11.3: an RPC caller's context cannot write the log's facts."""
        clerk_partners = self.citizens.with_user(self.bsn_clerk)
        clerk_partners.with_context(
            gov_processing_purpose="privacy_request", gov_processing_origin="export"
        ).read(["bsn"])
        clerk_partners[:1].with_context(gov_processing_origin="form").web_read(
            {"bsn": {}}
        )
        lines = self._log_lines()
        self.assertEqual(set(lines.mapped("purpose")), {"relation_management"})
        self.assertEqual(set(lines.mapped("origin")), {"rpc"})

    def test_purpose_set_by_server_code(self):
        with server_flags(gov_processing_purpose="service_request"):
            self.citizens.with_user(self.bsn_clerk).read(["bsn"])
        with server_flags(gov_processing_purpose="no_such"):
            self.anna.with_user(self.bsn_clerk).read(["bsn"])
        lines = self._log_lines()
        self.assertEqual(lines.mapped("purpose"), ["service_request"] * 3 + ["other"])

    def test_search_by_bsn_is_logged_with_subject(self):
        Partner = self.Partner.with_user(self.bsn_clerk)
        found = Partner.search([("bsn", "=", BSN_KEES)])
        self.assertEqual(found, self.kees)
        line = self._log_lines(activity="search_bsn")
        self.assertEqual(line.partner_id, self.kees)
        self.assertEqual(line.origin, "search")
        self.assertFalse(self._log_lines(activity="read_bsn"))

    def test_search_by_unknown_bsn_logs_without_subject(self):
        Partner = self.Partner.with_user(self.bsn_clerk)
        self.assertFalse(Partner.search([("bsn", "=", "100000009")]))
        line = self._log_lines(activity="search_bsn")
        self.assertEqual(len(line), 1)
        self.assertFalse(line.partner_id)

    def test_search_read_on_bsn_logs_search_and_read(self):
        Partner = self.Partner.with_user(self.bsn_clerk)
        rows = Partner.search_read([("bsn", "=", BSN_ANNA)], ["bsn"])
        self.assertEqual(rows[0]["id"], self.anna.id)
        lines = self._log_lines(partner_id=self.anna.id)
        self.assertEqual(sorted(lines.mapped("activity")), ["read_bsn", "search_bsn"])

    def test_export_is_logged(self):
        result = self.citizens.with_user(self.bsn_clerk).export_data(["name", "bsn"])
        self.assertEqual(len(result["datas"]), 3)
        lines = self._log_lines(activity="export")
        self.assertEqual(lines.partner_id, self.citizens)
        self.assertEqual(set(lines.mapped("origin")), {"export"})
        self.citizens.with_user(self.bsn_clerk).export_data(["name"])
        self.assertEqual(len(self._log_lines()), 3)

    def test_export_through_a_relation_is_logged(self):
        moments = self.Moment.create(
            [
                {"partner_id": self.anna.id, "subject": "Permit"},
                {"partner_id": self.kees.id, "subject": "Tax"},
            ]
        )
        result = moments.with_user(self.bsn_clerk).export_data(
            ["subject", "partner_id/bsn"]
        )
        self.assertIn([moments[0].subject, BSN_ANNA], result["datas"])
        lines = self._log_lines(activity="export")
        self.assertEqual(lines.partner_id, self.anna | self.kees)

    def test_superuser_and_sudo_reads_are_not_logged(self):
        self.citizens.read(["bsn"])
        self.citizens.with_user(self.bsn_clerk).sudo().read(["bsn"])
        self.Partner.with_user(self.bsn_clerk).sudo().search([("bsn", "=", BSN_ANNA)])
        # The uniqueness check searches the BSN with sudo: not a processing.
        newcomer = self.Partner.with_user(self.bsn_clerk).create(
            {"name": "Nieuwe Burger", "bsn": "100000009"}
        )
        self.assertEqual(newcomer.sudo().bsn, "100000009")
        self.assertFalse(self._log_lines())

    def test_user_without_bsn_access_is_refused_and_not_logged(self):
        partners = self.citizens.with_user(self.employee)
        self.env.invalidate_all()
        denied = 0
        # Plain try/except on purpose: assertRaises rolls back to a savepoint,
        # which would hide a log line written before the refusal.
        for call in (
            lambda: partners.read(["bsn"]),
            lambda: partners.search_read([("bsn", "=", BSN_ANNA)], ["name"]),
            lambda: partners.search([("bsn", "=", BSN_ANNA)]),
            lambda: self.citizens.with_user(self.export_clerk).export_data(["bsn"]),
        ):
            try:
                call()
            except AccessError:
                denied += 1
        self.assertEqual(denied, 4)
        self.assertFalse(self._log_lines())

    def test_log_is_written_in_one_batch(self):
        clerk_partners = self.citizens.with_user(self.bsn_clerk)
        clerk_partners[:1].read(["bsn"])  # warm the access caches

        def queries_for(partners):
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            partners.read(["bsn"])
            return self.env.cr.sql_log_count - start

        self.assertEqual(queries_for(clerk_partners[:1]), queries_for(clerk_partners))
        self.assertEqual(len(self._log_lines()), 1 + 1 + 3)
