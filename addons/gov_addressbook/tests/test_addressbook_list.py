from lxml import etree

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAddressbookList(TransactionCase):
    """Issue 16 item 13: a postcode hit can be checked in the address book."""

    def test_list_shows_street_postcode_and_city(self):
        employee = new_test_user(
            self.env, "list_employee", groups="gov_addressbook.group_user"
        )
        action = self.env.ref("gov_addressbook.res_partner_action")
        views = (
            self.env["res.partner"]
            .with_user(employee)
            .get_views([(action.view_id.id, "list")])
        )
        arch = views["views"]["list"]["arch"]

        root = etree.fromstring(arch)
        for name in ("street", "zip", "city"):
            nodes = root.xpath(f"//field[@name='{name}']")
            self.assertTrue(nodes, name)
            self.assertNotEqual(nodes[0].get("optional"), "hide", name)
            self.assertNotEqual(nodes[0].get("column_invisible"), "True", name)
