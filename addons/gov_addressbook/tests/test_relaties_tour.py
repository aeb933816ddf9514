from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRelatiesTour(HttpCase):
    def test_find_by_postcode_and_register_phone_contact(self):
        citizen = self.env["res.partner"].create(
            {
                "name": "Tineke van Tourhuizen",
                "gov_party_type": "citizen",
                "zip": "2351 TT",
                "street": "Tourlaan 7",
                "country_id": self.env.ref("base.nl").id,
            }
        )
        new_test_user(self.env, "tour_employee", groups="gov_addressbook.group_user")
        self.start_tour(
            "/odoo", "gov_addressbook_register_contact", login="tour_employee"
        )
        moment = citizen.contact_moment_ids
        self.assertEqual(moment.subject, "Asks about the bridge closure")
        self.assertEqual(moment.channel, "phone")
        self.assertEqual(moment.user_id.login, "tour_employee")
