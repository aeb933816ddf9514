from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestLoketTour(HttpCase):
    def test_front_desk_opens_request(self):
        subject = self.env["helpdesk.ticket.category"].create(
            {"name": "Tour permits", "service_norm_days": 3}
        )
        partner = self.env["res.partner"].create(
            {"name": "Tour Citizen", "gov_party_type": "citizen"}
        )
        self.env["helpdesk.ticket"].create(
            {
                "name": "Tour question about a permit",
                "description": "<p>Overdue on purpose.</p>",
                "partner_id": partner.id,
                "category_id": subject.id,
                "received_date": "2025-01-06 09:00:00",
            }
        )
        new_test_user(self.env, "tour_front_desk", groups="gov_loket.group_front_desk")
        self.start_tour(
            "/odoo/action-gov_addressbook.res_partner_action",
            "gov_loket_open_request",
            login="tour_front_desk",
        )
