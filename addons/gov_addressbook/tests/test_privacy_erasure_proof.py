from odoo.tests import tagged

from .privacy_common import GovPrivacyCase
from .privacy_scan import ErasureProofMixin


@tagged("post_install", "-at_install")
class TestPrivacyErasureProof(ErasureProofMixin, GovPrivacyCase):
    """A person in every place of the address book's registry, exported and
    anonymised by a privacy officer, leaves no value in any table or file."""

    def test_erasure_proof(self):
        person, wizard = self._gov_run_erasure_proof(self.privacy_officer)
        self.assertEqual(person.gov_party_type, "citizen")  # statistics stay
        self.assertEqual(len(person.contact_moment_ids), 3)
        self.assertFalse(wizard.confirm_name)
        self.assertIn("Processing log", wizard.report)
