from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .privacy_common import GovPrivacyCase


@tagged("post_install", "-at_install")
class TestProcessingLog(GovPrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.citizens.with_user(cls.bsn_clerk).read(["bsn"])
        cls.anna.with_user(cls.bsn_officer).read(["bsn"])

    def test_privacy_officer_reads_groups_and_exports(self):
        Log = self.Log.with_user(self.privacy_officer)
        self.assertEqual(len(Log.search([])), 4)
        per_user = dict(Log._read_group([], ["user_id"], ["__count"]))
        self.assertEqual(per_user[self.bsn_clerk], 3)
        self.assertEqual(per_user[self.bsn_officer], 1)
        per_partner = dict(Log._read_group([], ["partner_id"], ["__count"]))
        self.assertEqual(per_partner[self.anna], 2)
        rows = Log.search([]).export_data(["user_id", "partner_id", "activity"])
        self.assertEqual(len(rows["datas"]), 4)

    def test_others_cannot_read_the_log(self):
        for user in (self.bsn_clerk, self.employee, self.reader):
            with self.assertRaises(AccessError):
                self.Log.with_user(user).search([])

    def test_nobody_creates_lines_directly(self):
        with self.assertRaises(AccessError):
            self.Log.with_user(self.privacy_officer).create(
                {
                    "activity": "read_bsn",
                    "purpose": "other",
                    "origin": "rpc",
                    "partner_id": self.kees.id,
                }
            )

    def test_log_is_append_only_even_for_superuser(self):
        lines = self.Log.search([])
        with self.assertRaises(UserError):
            lines.write({"purpose": "other"})
        with self.assertRaises(UserError):
            lines.unlink()
        with self.assertRaises(UserError):
            lines.with_user(self.privacy_officer).write({"purpose": "other"})
        self.assertEqual(len(self.Log.search([])), 4)

    def test_lines_survive_deleting_the_relation(self):
        self.els.unlink()
        self.env.invalidate_all()
        line = self.Log.search([("partner_ref", "=", self.els.id)])
        self.assertEqual(len(line), 1)
        self.assertFalse(line.partner_id)

    def test_privacy_menu_only_for_privacy_officer(self):
        menu = self.env.ref("gov_addressbook.gov_addressbook_menu_privacy")
        officer_menus = self.env["ir.ui.menu"].with_user(self.privacy_officer)
        clerk_menus = self.env["ir.ui.menu"].with_user(self.bsn_clerk)
        self.assertIn(menu.id, officer_menus._visible_menu_ids())
        self.assertNotIn(menu.id, clerk_menus._visible_menu_ids())
