import datetime

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class GovLoketCase(TransactionCase):
    """Personas and reference data shared by the Loket tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.front_desk = new_test_user(
            cls.env, "loket_front_desk", groups="gov_loket.group_front_desk"
        )
        cls.employee = new_test_user(
            cls.env, "loket_employee", groups="gov_loket.group_employee"
        )
        cls.colleague = new_test_user(
            cls.env, "loket_colleague", groups="gov_loket.group_employee"
        )
        cls.team_lead = new_test_user(
            cls.env, "loket_team_lead", groups="gov_loket.group_team_lead"
        )
        cls.outsider = new_test_user(
            cls.env, "loket_outsider", groups="base.group_user"
        )
        Team = cls.env["helpdesk.ticket.team"]
        cls.team_permits = Team.create(
            {"name": "Permits", "user_ids": [(6, 0, cls.team_lead.ids)]}
        )
        cls.team_roads = Team.create({"name": "Roads"})
        cls.subject_permit = cls.env["helpdesk.ticket.category"].create(
            {
                "name": "Parking permit",
                "service_norm_days": 5,
                "callback_norm_days": 2,
                "team_id": cls.team_permits.id,
            }
        )
        cls.subject_roads = cls.env["helpdesk.ticket.category"].create(
            {"name": "Potholes", "service_norm_days": 10, "team_id": cls.team_roads.id}
        )
        cls.channel_counter = cls.env.ref("gov_loket.helpdesk_ticket_channel_counter")
        cls.channel_phone = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        cls.citizen = cls.env["res.partner"].create(
            {
                "name": "Anna de Vries",
                "gov_party_type": "citizen",
                "email": "anna@example.org",
                "preferred_channel": "email",
            }
        )
        cls.Ticket = cls.env["helpdesk.ticket"]

    @classmethod
    def _ticket_vals(cls, **overrides):
        vals = {
            "name": "When does my parking permit start?",
            "description": "<p>I moved to the city centre last week.</p>",
            "partner_id": cls.citizen.id,
            "category_id": cls.subject_permit.id,
            "channel_id": cls.channel_counter.id,
        }
        vals.update(overrides)
        return vals

    def _new_ticket(self, user=None, **overrides):
        Ticket = self.Ticket.with_user(user) if user else self.Ticket
        return Ticket.create(self._ticket_vals(**overrides))

    @staticmethod
    def _utc(year, month, day, hour=10, minute=0):
        """A naive UTC datetime as Odoo stores it."""
        return datetime.datetime(year, month, day, hour, minute)
