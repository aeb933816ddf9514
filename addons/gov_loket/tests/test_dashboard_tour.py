from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):
    def test_team_lead_sees_headline_figures(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["gov_addressbook", "helpdesk_mgmt", "gov_loket"], ["nl_NL"], overwrite=True
        )
        lead = new_test_user(
            self.env, "tour_team_lead", groups="gov_loket.group_team_lead", lang="nl_NL"
        )
        Team = self.env["helpdesk.ticket.team"]
        team = Team.create({"name": "Tour team", "user_ids": [(6, 0, lead.ids)]})
        other = Team.create({"name": "Other tour team"})
        Subject = self.env["helpdesk.ticket.category"]
        mine = Subject.create(
            {
                "name": "Tour dashboard subject",
                "service_norm_days": 5,
                "team_id": team.id,
            }
        )
        hidden = Subject.create(
            {"name": "Hidden subject", "service_norm_days": 5, "team_id": other.id}
        )
        self.env["helpdesk.ticket"].create(
            [
                {
                    "name": "Mine",
                    "description": "<p>x</p>",
                    "category_id": mine.id,
                    "received_date": "2025-01-06 09:00:00",
                },
                {
                    "name": "Not mine",
                    "description": "<p>x</p>",
                    "category_id": hidden.id,
                },
            ]
        )
        self.start_tour("/odoo/loket-figures", "gov_loket_dashboard", login=lead.login)
