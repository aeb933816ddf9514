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

    def test_front_desk_registers_call_and_employee_answers(self):
        self.env["helpdesk.ticket.category"].create(
            {"name": "Tour bins", "service_norm_days": 5}
        )
        caller = self.env["res.partner"].create(
            {"name": "Tour Caller", "gov_party_type": "citizen"}
        )
        employee = new_test_user(
            self.env,
            "tour_employee",
            name="Tour Employee",
            groups="gov_loket.group_employee",
        )
        new_test_user(
            self.env, "tour_front_desk_call", groups="gov_loket.group_front_desk"
        )
        self.start_tour(
            "/odoo/action-gov_addressbook.res_partner_action",
            "gov_loket_register_call",
            login="tour_front_desk_call",
        )
        ticket = self.env["helpdesk.ticket"].search([("partner_id", "=", caller.id)])
        self.assertEqual(ticket.name, "My green bin was not emptied")
        self.assertEqual(ticket.contact_outcome, "handed_over")
        self.assertEqual(ticket.user_id, employee)
        self.assertEqual(ticket.handover_ids.to_user_id, employee)
        # The employee answers by phone.
        ticket.with_user(employee).action_answer("Collected tomorrow.", "phone")
        self.assertTrue(ticket.closed)
        timeline = caller.contact_moment_ids
        self.assertEqual(sorted(timeline.mapped("direction")), ["inbound", "outbound"])
        self.assertEqual(set(timeline.mapped("channel")), {"phone"})
        self.assertEqual(
            timeline.filtered(lambda m: m.direction == "outbound").user_id, employee
        )
