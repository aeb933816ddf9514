from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.misc import format_date

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestPortal(GovLoketCase, HttpCase):
    """A requester follows their own requests under /my/tickets."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.bakery = Partner.create({"name": "Bakkerij Jansen", "is_company": True})
        cls.portal = new_test_user(
            cls.env, "loket_portal_jan", groups="base.group_portal", name="Jan Jansen"
        )
        cls.portal.partner_id.parent_id = cls.bakery
        cls.piet = Partner.create({"name": "Piet Jansen", "parent_id": cls.bakery.id})
        cls.subject_secret = cls.env["helpdesk.ticket.category"].create(
            {"name": "Debt counselling", "confidential": True, "service_norm_days": 10}
        )
        mine = cls.portal.partner_id.id
        cls.own, cls.own_secret, cls.company, cls.colleague_secret, cls.stranger = (
            cls.Ticket.create(
                [
                    cls._ticket_vals(name="Oven permit question", partner_id=mine),
                    cls._ticket_vals(
                        name="My debt question",
                        partner_id=mine,
                        category_id=cls.subject_secret.id,
                    ),
                    cls._ticket_vals(name="Terrace question", partner_id=cls.bakery.id),
                    cls._ticket_vals(
                        name="Piet debt question",
                        partner_id=cls.piet.id,
                        category_id=cls.subject_secret.id,
                    ),
                    cls._ticket_vals(name="Anna parking question"),
                ]
            )
        )
        cls.all_tickets = (
            cls.own | cls.own_secret | cls.company | cls.colleague_secret | cls.stranger
        )

    def test_orm_portal_sees_own_commercial_partner_requests(self):
        Ticket = self.Ticket.with_user(self.portal)
        visible = Ticket.search([("id", "in", self.all_tickets.ids)])
        self.assertEqual(visible, self.own | self.own_secret | self.company)
        self.assertEqual(
            visible.mapped("deadline_date"),
            (self.own | self.own_secret | self.company).mapped("deadline_date"),
        )
        for hidden in (self.colleague_secret, self.stranger):
            with self.assertRaises(AccessError):
                Ticket.browse(hidden.id).read(["name", "category_id"])

    def test_portal_list_shows_status_channel_and_expected_date(self):
        self.authenticate(self.portal.login, self.portal.login)
        response = self.url_open("/my/tickets")
        self.assertEqual(response.status_code, 200)
        page = response.text
        for ticket in (self.own, self.own_secret, self.company):
            self.assertIn(ticket.name, page)
        for ticket in (self.colleague_secret, self.stranger):
            self.assertNotIn(ticket.name, page)
        self.assertIn("Expected answer", page)
        self.assertIn(format_date(self.env, self.own.deadline_date), page)
        self.assertIn(self.channel_counter.name, page)
        self.assertIn(self.own.stage_id.name, page)

    def test_portal_request_page(self):
        self.authenticate(self.portal.login, self.portal.login)
        page = self.url_open(f"/my/ticket/{self.own.id}").text
        self.assertIn("Expected answer by", page)
        self.assertIn(format_date(self.env, self.own.deadline_date), page)
        self.assertIn("Parking permit", page)
        response = self.url_open(f"/my/ticket/{self.colleague_secret.id}")
        self.assertNotIn("Piet debt question", response.text)
        self.assertNotIn("Debt counselling", response.text)
