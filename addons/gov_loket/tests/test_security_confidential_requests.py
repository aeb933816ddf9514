from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestConfidentialRequestsHoldAgainstColleagues(GovLoketCase):
    """Issue 11.1: a Loket employee cannot open a confidential request (or the
    requester's confidential contact moments) by making themselves
    relationship manager, team member or assignee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.subject_care = cls.env["helpdesk.ticket.category"].create(
            {"name": "Youth care", "confidential": True, "team_id": cls.team_roads.id}
        )
        cls.secret = cls.Ticket.create(
            cls._ticket_vals(
                name="Worries about a child",
                category_id=cls.subject_care.id,
                user_id=cls.employee.id,
            )
        )
        cls.secret_moment = cls.env["gov.contact.moment"].create(
            {
                "partner_id": cls.citizen.id,
                "subject": "Home situation",
                "confidentiality": "vertrouwelijk",
                "user_id": cls.employee.id,
            }
        )

    def _sees(self, user):
        tickets = self.Ticket.with_user(user).search([("id", "=", self.secret.id)])
        moments = (
            self.env["gov.contact.moment"]
            .with_user(user)
            .search([("id", "=", self.secret_moment.id)])
        )
        return bool(tickets or moments)

    def test_every_key_a_colleague_might_turn_is_refused(self):
        self.assertFalse(self._sees(self.colleague))
        attempts = [
            lambda: self.citizen.with_user(self.colleague).write(
                {"relationship_manager_id": self.colleague.id}
            ),
            lambda: self.team_roads.with_user(self.colleague).write(
                {"user_ids": [(4, self.colleague.id)]}
            ),
            lambda: self.secret.with_user(self.colleague).write(
                {"user_id": self.colleague.id}
            ),
            lambda: self.colleague.with_user(self.colleague).write(
                {"helpdesk_team_ids": [(4, self.team_roads.id)]}
            ),
        ]
        for attempt in attempts:
            with self.assertRaises(AccessError):
                attempt()
        self.assertFalse(self._sees(self.colleague))

    def test_request_texts_have_limits_over_rpc(self):
        with self.assertRaisesRegex(ValidationError, "too long: at most 256"):
            self.Ticket.with_user(self.front_desk).create(
                self._ticket_vals(name="Vraag " * 20_000)
            )
