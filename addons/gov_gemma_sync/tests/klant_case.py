import json

from odoo.tests import new_test_user

from .common import GemmaSyncCase
from .klant_world import KlantWorld


class KlantCase(GemmaSyncCase):
    """A Klantinteracties connection to the test server, a fresh Open Klant
    per test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.klant_service = cls.env["gov.zgw.service"].create(
            {
                "name": "Test Klantinteracties",
                "api_type": "klantinteracties",
                "base_url": f"{cls.server.base}/klantinteracties/api/v1",
                "auth_type": "token",
                "secret": cls.server.token,
                "timeout": 10,
            }
        )

    def setUp(self):
        super().setUp()
        self.server.klant = KlantWorld(self.server.base)
        self.citizen.zgw_partij_uuid = False

    def posts(self, path):
        return [
            json.loads(r[5])
            for r in self.server.requests
            if r[0] == "klantinteracties" and r[1] == "POST" and r[2] == path
        ]

    def register(self, partner=None, **values):
        return self.env["gov.contact.moment"].create(
            {
                "partner_id": (partner or self.citizen).id,
                "channel": "phone",
                "subject": "Vraag over parkeervergunning",
                "summary": "Belt over de stand van zaken.",
                "occurred_at": "2026-11-29 10:15:00",
                **values,
            }
        )


class KlantPeopleCase(KlantCase):
    """KlantCase with the people of an anonymisation: a privacy officer, the
    front desk, a colleague who answers requests, and their team."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env, "gemma_officer", groups="gov_addressbook.group_privacy_officer"
        )
        cls.front_desk = new_test_user(
            cls.env, "gemma_desk", groups="gov_loket.group_front_desk"
        )
        cls.handler = new_test_user(
            cls.env,
            "gemma_handler",
            groups="gov_loket.group_employee",
            email="behandelaar@gemeente.example",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create({"name": "Parkeren"})
