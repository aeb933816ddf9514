from odoo.tests import Form, new_test_user, tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestLowScoreFollowUp(GovLoketCase):
    """A low score, or any comment, is never ignored."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_permits.user_id = cls.team_lead
        cls.manager = new_test_user(
            cls.env, "loket_relationship_manager", groups="gov_loket.group_employee"
        )
        cls.citizen.relationship_manager_id = cls.manager
        cls.Activity = cls.env["mail.activity"]

    def _answered(self, **overrides):
        ticket = self._new_ticket(self.employee, **overrides)
        ticket.with_user(self.employee).action_answer("Starts Monday.", "phone")
        return ticket

    def _rate(self, ticket, score, comment=""):
        # As the page does: the public user, with the token-checked request.
        public = self.env.ref("base.public_user")
        ticket.with_user(public).sudo()._gov_rate(score, comment)

    def _follow_ups(self, ticket):
        return self.Activity.search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )

    def test_low_score_opens_follow_up_for_team_lead(self):
        ticket = self._answered()
        self._rate(ticket, 2)
        activity = self._follow_ups(ticket)
        self.assertEqual(activity.user_id, self.team_lead)
        self.assertIn("2", activity.note)
        self.assertIn(f"/odoo/helpdesk.ticket/{ticket.id}", activity.note)
        score_moment = self.citizen.contact_moment_ids.filtered(
            lambda m: m.direction == "inbound"
            and ticket.number in m.subject
            and "Satisfaction score" in m.subject
        )
        self.assertEqual(len(score_moment), 1)
        self.assertTrue(ticket.gov_score_follow_up)

    def test_good_score_without_comment_is_left_alone(self):
        ticket = self._answered()
        self._rate(ticket, 4)
        self.assertFalse(self._follow_ups(ticket))
        self.assertFalse(ticket.gov_score_follow_up)

    def test_comment_on_a_good_score_is_followed_up(self):
        ticket = self._answered()
        self._rate(ticket, 5, "But the letter was hard to read")
        self.assertIn("hard to read", self._follow_ups(ticket).note)

    def test_threshold_is_a_setting(self):
        self.env["ir.config_parameter"].set_param("gov_loket.low_score_threshold", 3)
        ticket = self._answered()
        self._rate(ticket, 3)
        self.assertTrue(self._follow_ups(ticket))

    def test_relationship_manager_when_there_is_no_team(self):
        ticket = self._answered(category_id=False)
        self.assertFalse(ticket.team_id)
        self._rate(ticket, 1)
        self.assertEqual(self._follow_ups(ticket).user_id, self.manager)

    def test_outbound_contact_closes_follow_up_and_counts_on_dashboard(self):
        ticket = self._answered()
        self._rate(ticket, 1, "Nobody listened")
        self.assertEqual(len(self._follow_ups(ticket)), 1)
        action = ticket.with_user(self.team_lead).action_gov_register_score_follow_up()
        wizard = Form(
            self.env["gov.contact.register"]
            .with_user(self.team_lead)
            .with_context(**action["context"])
        )
        self.assertEqual(wizard.gov_ticket_id, ticket)
        wizard.summary = "Apologised and explained the permit"
        wizard.save().action_register()
        call = ticket.contact_moment_ids.filtered(lambda m: m.direction == "outbound")
        self.assertIn("Apologised and explained the permit", call.mapped("summary"))
        self.assertFalse(self._follow_ups(ticket))
        self.assertTrue(ticket.gov_score_followed_up_date)
        figures = self.Ticket.with_user(self.team_lead).get_loket_dashboard()
        self.assertEqual(figures["low_scores"], 1)
        self.assertEqual(figures["low_scores_followed_up_pct"], 100.0)
        by_team = {row["id"]: row["value"] for row in figures["satisfaction_by_team"]}
        self.assertEqual(by_team[self.team_permits.id], 1.0)
        by_subject = {
            row["id"]: row["value"] for row in figures["satisfaction_by_subject"]
        }
        self.assertEqual(by_subject[self.subject_permit.id], 1.0)
        self.assertTrue(figures["satisfaction_by_channel"])

    def test_score_moment_in_the_organisations_language(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["gov_loket"], ["nl_NL"], overwrite=True
        )
        self.env.company.partner_id.lang = "nl_NL"
        ticket = self._answered()
        self._rate(ticket, 1)
        moment = self.citizen.contact_moment_ids.filtered(
            lambda m: ticket.number in m.subject and m.channel == "web_form"
        )
        self.assertTrue(moment.subject.startswith("Tevredenheidsscore"))
