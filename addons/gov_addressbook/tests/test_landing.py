from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestLanding(TransactionCase):
    def test_staff_land_in_relaties_after_login(self):
        """The web client opens the first app: for staff, Relaties, not Discuss."""
        employee = new_test_user(
            self.env, "landing_employee", groups="gov_addressbook.group_user"
        )
        roots = self.env["ir.ui.menu"].with_user(employee).load_menus_root()
        first = roots["children"][0]
        self.assertEqual(
            first["id"], self.env.ref("gov_addressbook.gov_addressbook_menu_root").id
        )
