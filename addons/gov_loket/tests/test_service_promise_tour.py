from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestServicePromiseTour(HttpCase):
    """In Dutch: one request across channels, and a low score followed up."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.env["ir.module.module"]._load_module_terms(
            ["gov_addressbook", "helpdesk_mgmt", "gov_loket"], ["nl_NL"], overwrite=True
        )
        cls.lead = new_test_user(
            cls.env,
            "tour_promise_lead",
            groups="gov_loket.group_team_lead",
            lang="nl_NL",
        )
        cls.front_desk = new_test_user(
            cls.env,
            "tour_promise_desk",
            groups="gov_loket.group_front_desk",
            lang="nl_NL",
        )
        team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Tour Vergunningen",
                "user_id": cls.lead.id,
                "user_ids": [(6, 0, cls.lead.ids)],
            }
        )
        cls.subject = cls.env["helpdesk.ticket.category"].create(
            {"name": "Tour parkeren", "service_norm_days": 5, "team_id": team.id}
        )
        cls.citizen = cls.env["res.partner"].create(
            {"name": "Tour Burger", "gov_party_type": "citizen", "lang": "nl_NL"}
        )
        cls.mailed = cls.env["helpdesk.ticket"].create(
            {
                "name": "Vraag over mijn parkeervergunning",
                "description": "<p>Wanneer gaat mijn vergunning in?</p>",
                "partner_id": cls.citizen.id,
                "category_id": cls.subject.id,
                "channel_id": cls.env.ref(
                    "helpdesk_mgmt.helpdesk_ticket_channel_email"
                ).id,
            }
        )

    def test_second_contact_by_phone_joins_the_mail_request(self):
        before = self.env["helpdesk.ticket"].search_count([])
        self.start_tour(
            f"/odoo/action-gov_addressbook.res_partner_action/{self.citizen.id}",
            "gov_loket_call_joins_request",
            login=self.front_desk.login,
        )
        self.start_tour(
            f"/odoo/helpdesk.ticket/{self.mailed.id}",
            "gov_loket_request_both_channels",
            login=self.front_desk.login,
        )
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), before)
        self.assertEqual(
            sorted(self.mailed.contact_moment_ids.mapped("channel")),
            ["email", "phone"],
        )
        self.assertEqual(self.mailed.repeat_contact_count, 1)

    def test_score_of_one_creates_the_team_leads_follow_up(self):
        self.mailed.action_answer("Uw vergunning gaat maandag in.", "phone")
        link = self.mailed._gov_satisfaction_url()
        self.start_tour(
            link.removeprefix(self.mailed.get_base_url()), "gov_loket_low_score"
        )
        self.assertEqual(self.mailed.satisfaction_score, 1)
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", self.mailed.id)]
        )
        self.assertEqual(activity.user_id, self.lead)
        self.start_tour(
            f"/odoo/helpdesk.ticket/{self.mailed.id}",
            "gov_loket_score_follow_up",
            login=self.lead.login,
        )
        # Done: no longer among the open to-dos (kept archived when the type
        # keeps done activities).
        self.assertFalse(activity.exists().filtered("active"))
        self.assertTrue(self.mailed.gov_score_followed_up_date)
        call = self.mailed.contact_moment_ids.filtered(
            lambda m: m.direction == "outbound" and m.summary and "Excuses" in m.summary
        )
        self.assertEqual(call.user_id, self.lead)
