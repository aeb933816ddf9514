from odoo.addons.gov_addressbook.tests.privacy_scan import ErasureProofMixin
from odoo.tests import new_test_user, tagged

from .common import GovNetworkCase


@tagged("post_install", "-at_install")
class TestNetworkErasureProof(ErasureProofMixin, GovNetworkCase):
    """A person with a "knows" relation (with its context), an employer and a
    place in a project network (with a note), exported and anonymised by a
    privacy officer, leaves no value in any table or file."""

    gov_proof_addons = {"gov_addressbook", "gov_network"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.privacy_officer = new_test_user(
            cls.env,
            "network_privacy_officer",
            groups="gov_addressbook.group_privacy_officer",
        )
        cls.colleague_partner = cls.person("Collega Jansen")
        cls.employer = cls.organisation("Waterschap Test")
        cls.network = cls.env["gov.network"].create({"name": "Project Dijk"})

    def _gov_fill_places(self, person, values):
        res = super()._gov_fill_places(person, values)
        self.relate(
            self.colleague_partner,
            self.type_knows,
            person,
            context=f"Ontmoet bij {values['lastname']} thuis, {values['street']}",
        )
        self.relate(person, self.type_works_at, self.employer)
        self.env["gov.network.member"].create(
            {
                "network_id": self.network.id,
                "partner_id": person.id,
                "note": f"{values['firstname']} belt liever: {values['phone']}",
            }
        )
        self.env["gov.network.knows.queue"].create(
            {"user_id": self.employee.id, "partner_id": person.id}
        )
        return res

    def test_erasure_proof(self):
        person, _wizard = self._gov_run_erasure_proof(self.privacy_officer)
        relations = self.Relation.search(
            [
                "|",
                ("left_partner_id", "=", person.id),
                ("right_partner_id", "=", person.id),
            ]
        )
        self.assertFalse(relations)
        self.assertFalse(self.network.member_ids)
        self.assertTrue(self.employer.exists())
