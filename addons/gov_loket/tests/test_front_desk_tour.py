from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFrontDeskTour(HttpCase):
    """In Dutch, at 1440 px, as a front-desk employee (not an administrator)
    and as a colleague outside the Loket."""

    browser_size = "1440x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.env["ir.module.module"]._load_module_terms(
            ["gov_addressbook", "helpdesk_mgmt", "gov_loket"], ["nl_NL"], overwrite=True
        )
        cls.front_desk = new_test_user(
            cls.env,
            "tour_balie",
            name="Tour Balie",
            groups="gov_loket.group_front_desk",
            lang="nl_NL",
        )
        # No Loket role and no address-book role: any colleague.
        cls.colleague = new_test_user(
            cls.env,
            "tour_collega",
            name="Tour Collega",
            groups="base.group_user",
            lang="nl_NL",
        )
        cls.subject = cls.env["helpdesk.ticket.category"].create(
            {"name": "Tour parkeren", "service_norm_days": 5}
        )
        cls.citizen = cls.env["res.partner"].create(
            {
                "name": "Tour Burger Jansen",
                "gov_party_type": "citizen",
                "email": "jansen@example.org",
                "preferred_channel": "email",
                "lang": "nl_NL",
            }
        )

    def test_request_lists_show_the_requester(self):
        Ticket = self.env["helpdesk.ticket"]
        phone = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        counter = self.env.ref("gov_loket.helpdesk_ticket_channel_counter")
        web = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        Ticket.create(
            [
                {
                    "name": "Tour telefoonvraag over de parkeervergunning",
                    "description": "<p>x</p>",
                    "partner_id": self.citizen.id,
                    "channel_id": phone.id,
                    "category_id": self.subject.id,
                },
                {
                    "name": "Tour baliebezoek over een verhuizing",
                    "description": "<p>x</p>",
                    "partner_id": self.citizen.id,
                    "channel_id": counter.id,
                },
                {
                    "name": "Tour webvraag zonder relatie",
                    "description": "<p>x</p>",
                    "partner_name": "Piet Webvrager",
                    "partner_email": "piet@example.org",
                    "channel_id": web.id,
                },
            ]
        )
        self.start_tour(
            "/odoo/loket-requests",
            "gov_loket_request_lists",
            login=self.front_desk.login,
        )

    def test_register_call_hand_over_to_colleague_and_reload(self):
        self.start_tour(
            "/odoo/action-gov_addressbook.res_partner_action",
            "gov_loket_register_call_hand_over",
            login=self.front_desk.login,
        )
        tickets = self.env["helpdesk.ticket"].search(
            [("partner_id", "=", self.citizen.id)], order="id"
        )
        self.assertEqual(len(tickets), 2)
        answered, handed = tickets
        self.assertTrue(answered.closed)
        self.assertEqual(handed.user_id, self.colleague)
        self.assertEqual(handed.handover_ids.note, "Graag vandaag nog bekijken")
        # The colleague outside the Loket opens it from the notification link
        # and answers it.
        self.start_tour(
            f"/odoo/helpdesk.ticket/{handed.id}",
            "gov_loket_colleague_answers",
            login=self.colleague.login,
        )
        self.assertTrue(handed.closed)
        self.assertEqual(handed.handover_ids.state, "done")
        self.assertIn("gerepareerd", handed.answer)
