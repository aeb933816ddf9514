import uuid

from odoo.addons.gov_addressbook.tests.privacy_scan import ErasureProofMixin
from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

KI = "https://klantinteracties.test/klantinteracties/api/v1"


@tagged("post_install", "-at_install")
class TestGemmaErasureProof(ErasureProofMixin, TransactionCase):
    """A person with a local copy of a case and a partij and klantcontact in
    Klantinteracties, exported and anonymised by a privacy officer: no value
    left here, and the report lists what to erase in the register."""

    gov_proof_addons = {"gov_addressbook", "gov_gemma_sync"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.privacy_officer = new_test_user(
            cls.env,
            "gemma_privacy_officer",
            groups="gov_addressbook.group_privacy_officer",
        )
        cls.other = cls.env["res.partner"].create({"name": "Mede-aanvrager"})

    def _gov_fill_places(self, person, values):
        res = super()._gov_fill_places(person, values)
        self.partij = str(uuid.uuid4())
        self.klantcontact = f"{KI}/klantcontacten/{uuid.uuid4()}"
        person.write({"zgw_partij_uuid": self.partij})
        person.contact_moment_ids[0].write({"zgw_klantcontact_url": self.klantcontact})
        Zaak = self.env["gov.zaak"]
        self.own_case, self.shared_case = Zaak.create(
            [
                {
                    "url": f"https://zaken.test/zaken/api/v1/zaken/{uuid.uuid4()}",
                    "identificatie": f"ZAAK-{index}",
                    "omschrijving": f"Bezwaar van {values['lastname']}",
                    "partner_ids": [(6, 0, partners.ids)],
                }
                for index, partners in enumerate((person, person | self.other))
            ]
        )
        return res

    def test_erasure_proof(self):
        person, wizard = self._gov_run_erasure_proof(self.privacy_officer)
        self.assertIn(self.partij, wizard.report)
        self.assertIn(self.klantcontact, wizard.report)
        # No Klantinteracties connection here: each copy is to erase by hand.
        kept = self.env["gov.privacy.erasure.report"].search(
            [("partner_ref", "=", person.id)]
        )
        self.assertEqual(
            sorted(kept.zgw_erasure_ids.mapped("resource")), ["klantcontact", "partij"]
        )
        self.assertEqual(set(kept.zgw_erasure_ids.mapped("state")), {"manual"})
        self.assertFalse(self.own_case.exists())
        self.assertEqual(self.shared_case.partner_ids, self.other)
        self.assertFalse(self.shared_case.omschrijving)
        self.assertIn(self.shared_case.identificatie, wizard.report)
        self.assertFalse(person.zaak_ids)
