from odoo.tests import HttpCase, new_test_user, tagged

from .common import GovNetworkCase


@tagged("post_install", "-at_install")
class TestIntroductionScreen(GovNetworkCase):
    """ "Through whom do I reach ...?" lists the paths, a colleague first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.town = cls.organisation("Gemeente Routestad")
        cls.alderman = cls.Partner.create(
            {"name": "Wethouder Route", "parent_id": cls.town.id}
        )
        cls.relate(cls.employee.partner_id, cls.type_knows, cls.colleague.partner_id)
        cls.relate(cls.colleague.partner_id, cls.type_knows, cls.alderman)

    def open_screen(self, partner, user=None):
        action = partner.with_user(user or self.employee).action_gov_introduction()
        self.assertEqual(action["res_model"], "res.partner.introduction")
        return (
            self.env["res.partner.introduction"]
            .with_user(user or self.employee)
            .browse(action["res_id"])
        )

    def test_chain_starts_with_the_colleague_who_introduces(self):
        line = self.open_screen(self.town).line_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(line.user_id, self.colleague)
        self.assertEqual(line.via_partner_id, self.alderman)
        self.assertEqual(line.step_count, 3)
        self.assertEqual(
            line.chain,
            f"{self.colleague.partner_id.display_name} → knows → "
            f"{self.alderman.display_name} → works at → {self.town.display_name}",
        )

    def test_own_acquaintance_starts_with_me(self):
        self.relate(self.employee.partner_id, self.type_adviser, self.town)
        line = self.open_screen(self.town).line_ids
        self.assertEqual(line.user_id, self.employee)
        self.assertEqual(
            line.chain,
            f"{self.employee.partner_id.display_name} → adviser of → "
            f"{self.town.display_name}",
        )

    def test_chain_through_a_hidden_partner_is_not_shown(self):
        other_company = self.env["res.company"].create({"name": "Elders"})
        hidden = self.person("Verborgen schakel")
        hidden.company_id = other_company
        target = self.person("Achter de verborgen schakel")
        self.relate(self.employee.partner_id, self.type_knows, hidden)
        self.relate(hidden, self.type_knows, target)
        self.assertFalse(self.open_screen(target).line_ids)
        hidden.company_id = False
        self.assertEqual(len(self.open_screen(target).line_ids), 1)


@tagged("post_install", "-at_install")
class TestIntroductionTour(HttpCase):
    def test_dutch_user_finds_the_way_in_and_back(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["gov_network"], ["nl_NL"], overwrite=True
        )
        user = new_test_user(
            self.env, "tour_route", groups="gov_addressbook.group_user", lang="nl_NL"
        )
        colleague = new_test_user(
            self.env,
            "tour_route_collega",
            name="Collega Tourroute",
            groups="gov_addressbook.group_user",
        )
        Partner = self.env["res.partner"]
        town = Partner.create({"name": "Gemeente Tourroute", "is_company": True})
        alderman = Partner.create({"name": "Wethouder Tourroute", "parent_id": town.id})
        knows = self.env.ref("gov_network.relation_type_knows")
        for left, right in (
            (user.partner_id, colleague.partner_id),
            (colleague.partner_id, alderman),
        ):
            self.env["res.partner.relation"].create(
                {
                    "left_partner_id": left.id,
                    "type_id": knows.id,
                    "right_partner_id": right.id,
                }
            )
        self.start_tour(
            f"/odoo/res.partner/{town.id}",
            "gov_network_introduction_nl",
            login="tour_route",
        )
