from odoo.addons.gov_addressbook.tests.privacy_scan import ErasureProofMixin
from odoo.tests import new_test_user, tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestLoketErasureProof(ErasureProofMixin, GovLoketCase):
    """A citizen with a request (handed over, answered by e-mail) and a web
    form post, exported and anonymised by a privacy officer, leaves no value
    in any table or file; the request stays for the statistics."""

    gov_proof_addons = {"gov_addressbook", "gov_loket"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.privacy_officer = new_test_user(
            cls.env,
            "loket_privacy_officer",
            groups="gov_addressbook.group_privacy_officer",
        )

    def _gov_fill_places(self, person, values):
        res = super()._gov_fill_places(person, values)
        name = f"{values['firstname']} {values['lastname']}"
        self.ticket = self.Ticket.create(
            self._ticket_vals(
                name=f"Vraag van {name}",
                description=f"<p>{values['note']}, bel {values['phone']}</p>",
                partner_id=person.id,
                partner_name=name,
                partner_email=values["email"],
            )
        )
        self._gov_flush_tracking()
        self.ticket.action_hand_over(
            self.employee.id, note=f"Bel {values['lastname']} terug"
        )
        self.ticket.with_user(self.employee).action_answer(
            f"Beste {values['lastname']}, uw vergunning is klaar.", "email"
        )
        self.env["gov.loket.webform.submission"].create(
            {
                "email": values["email"],
                "ip_address": "192.0.2.7",
                "ticket_id": self.ticket.id,
            }
        )
        return res

    def test_erasure_proof(self):
        self._gov_run_erasure_proof(self.privacy_officer)
        self.assertTrue(self.ticket.exists())
        self.assertEqual(self.ticket.category_id, self.subject_permit)
        self.assertTrue(self.ticket.closed)
        self.assertEqual(self.ticket.handover_ids.to_user_id, self.employee)
