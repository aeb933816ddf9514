from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRelatiesTour(HttpCase):
    def test_reader_opens_relaties_app(self):
        self.env["res.partner"].create(
            {"name": "Tourpartner Gemeente", "gov_party_type": "government"}
        )
        new_test_user(self.env, "tour_reader", groups="gov_addressbook.group_user")
        self.start_tour("/odoo", "gov_addressbook_open_relaties", login="tour_reader")
