from datetime import datetime, timedelta

from odoo.addons.gov_addressbook.tests.privacy_scan import ErasureProofMixin
from odoo.tests import new_test_user, tagged

from .common import GovCampagneCase


@tagged("post_install", "-at_install")
class TestCampagneErasureProof(ErasureProofMixin, GovCampagneCase):
    """A subscriber (with consent log and confirmation mail), an event
    registration, a mailing received and a mailing-list contact, exported and
    anonymised by a privacy officer, leave no value in any table or file; the
    consent proof stays as a keyed hash and the figures stay."""

    gov_proof_addons = {"gov_addressbook", "gov_campagne"}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.privacy_officer = new_test_user(
            cls.env,
            "campagne_privacy_officer",
            groups="gov_addressbook.group_privacy_officer",
        )
        cls.topic = cls.env["gov.topic"].create({"name": "Omgevingsvisie"})
        begin = datetime(2030, 5, 1, 19, 0)
        cls.event = cls.env["event.event"].create(
            {
                "name": "Inloopavond",
                "date_begin": begin,
                "date_end": begin + timedelta(hours=2),
            }
        )
        cls.mailing = cls.env["mailing.mailing"].create(
            {
                "subject": "Nieuwsbrief",
                "mailing_model_id": cls.env["ir.model"]._get_id("res.partner"),
            }
        )

    def _gov_fill_places(self, person, values):
        res = super()._gov_fill_places(person, values)
        Subscription = self.env["gov.topic.subscription"]
        self.subscription = Subscription._subscribe(
            self.topic, person, "web", ip="198.51.100.23"
        )
        self.subscription._send_confirmation()
        self.subscription._confirm("web", ip="198.51.100.23")
        name = f"{values['firstname']} {values['lastname']}"
        self.registration = self.env["event.registration"].create(
            {
                "event_id": self.event.id,
                "partner_id": person.id,
                "name": name,
                "email": values["email"],
                "phone": values["phone"],
            }
        )
        self.trace = self.env["mailing.trace"].create(
            {
                "mass_mailing_id": self.mailing.id,
                "model": "res.partner",
                "res_id": person.id,
                "email": values["email"],
                "trace_status": "open",
            }
        )
        self.env["mailing.contact"].create({"name": name, "email": values["email"]})
        self.env["sms.sms"].create(
            {"partner_id": person.id, "number": values["phone"], "body": name}
        )
        return res

    def test_erasure_proof(self):
        person, _wizard = self._gov_run_erasure_proof(self.privacy_officer)
        # The figures stay: the registration, the trace and the subscription.
        self.assertEqual(self.event.seats_taken, 1)
        self.assertEqual(self.trace.trace_status, "open")
        self.assertEqual(self.subscription.state, "withdrawn")
        # The consent proof stays, as a keyed hash of the address.
        lines = self.env["gov.topic.consent.log"].search(
            [("partner_id", "=", person.id)]
        )
        self.assertEqual(
            set(lines.mapped("action")), {"subscribe", "confirm", "withdraw"}
        )
        for line in lines:
            self.assertTrue(line.email.startswith("hmac-sha256:"))
        Partner = self.env["res.partner"]
        self.assertIn(
            Partner._gov_privacy_hash(self._gov_proof_values["email"]),
            lines.mapped("email"),
        )
