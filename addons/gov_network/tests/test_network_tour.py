from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestNetworkTour(HttpCase):
    def test_employee_opens_network_relation(self):
        town = self.env["res.partner"].create(
            {"name": "Tourgemeente Netwerk", "is_company": True}
        )
        person = self.env["res.partner"].create({"name": "Tourwethouder Smit"})
        self.env["res.partner.relation"].create(
            {
                "left_partner_id": person.id,
                "type_id": self.env.ref("gov_network.relation_type_alderman").id,
                "right_partner_id": town.id,
                "context": "Met at the regional mobility table",
            }
        )
        new_test_user(self.env, "tour_network", groups="gov_addressbook.group_user")
        self.start_tour("/odoo", "gov_network_open_relation", login="tour_network")
