from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .klant_case import KlantPeopleCase


class ErasureCase(KlantPeopleCase):
    """A citizen whose partij, klantcontacten, interne taak and digitaal
    adres sit in Klantinteracties, and a privacy officer to anonymise them."""

    def setUp(self):
        super().setUp()
        with trap_jobs() as trap:
            self.moment = self.register()
            ticket = (
                self.env["helpdesk.ticket"]
                .with_user(self.front_desk)
                .create(
                    {
                        "name": "Wanneer gaat mijn vergunning in?",
                        "description": "<p>Verhuisd.</p>",
                        "partner_id": self.citizen.id,
                        "team_id": self.team.id,
                    }
                )
            )
            ticket.action_hand_over(self.handler.id, "Graag na 14:00 bellen.")
            self.handover = ticket.with_env(self.env).handover_ids
            trap.perform_enqueued_jobs()
        klant = self.server.klant
        self.partij_uuid = self.citizen.zgw_partij_uuid
        self.assertTrue(self.partij_uuid)
        self.assertEqual(len(klant.klantcontacten), 2)
        self.assertEqual(len(klant.internetaken), 1)
        self.adres = klant.add_digitaal_adres(self.partij_uuid, "jan@burger.example")
        self.server.requests.clear()

    def anonymise(self):
        """Anonymise as the privacy officer; returns the wizard and the jobs."""
        with trap_jobs() as trap:
            wizard = (
                self.env["gov.partner.anonymise"]
                .with_user(self.officer)
                .create({"partner_id": self.citizen.id, "confirm_name": "Jan Burger"})
            )
            wizard.action_anonymise()
        self.assertTrue(self.citizen.gov_anonymised_at)
        return wizard, trap

    def lines(self):
        report = (
            self.env["gov.privacy.erasure.report"]
            .with_user(self.officer)
            .search([("partner_ref", "=", self.citizen.id)])
        )
        return report.zgw_erasure_ids

    def deletes(self):
        return [
            r[2].split("/")[1]
            for r in self.server.requests
            if r[0] == "klantinteracties" and r[1] == "DELETE"
        ]


@tagged("post_install", "-at_install")
class TestKlantinteractiesErasure(ErasureCase):
    """A privacy officer anonymises the citizen: the register is asked to
    erase the copies after the anonymisation, which never waits for it."""

    def test_copies_erased_in_the_register(self):
        klantcontact_url = self.moment.zgw_klantcontact_url
        wizard, trap = self.anonymise()
        # The anonymisation itself made no call to the register.
        self.assertEqual(self.server.requests, [])
        self.assertEqual(set(self.lines().mapped("state")), {"pending"})
        self.assertIn("Still to erase", wizard.report)
        self.assertIn(klantcontact_url, wizard.report)
        # One job, whose arguments are the lines' ids only.
        trap.assert_jobs_count(1)
        (job,) = trap.enqueued_jobs
        self.assertEqual(job.args, ())
        self.assertEqual(job.kwargs, {})
        self.assertEqual(job.recordset._name, "gov.zgw.erasure")
        self.assertNotIn("Burger", job.description)
        with trap_jobs() as retrap:
            trap.perform_enqueued_jobs()
            retrap.assert_jobs_count(0)
        klant = self.server.klant
        self.assertEqual(klant.partijen, {})
        self.assertEqual(klant.klantcontacten, {})
        self.assertEqual(klant.betrokkenen, {})
        self.assertEqual(klant.internetaken, {})
        self.assertEqual(klant.digitaleadressen, {})
        # The task before its klantcontact, the address before its partij.
        self.assertEqual(
            self.deletes(),
            [
                "internetaken",
                "klantcontacten",
                "klantcontacten",
                "digitaleadressen",
                "partijen",
            ],
        )
        lines = self.lines()
        self.assertEqual(len(lines), 5)
        self.assertEqual(set(lines.mapped("state")), {"done"})
        self.assertIn(self.adres["uuid"], lines.mapped("register_uuid"))
        # Our records no longer point at the erased copies.
        self.assertFalse(self.citizen.zgw_partij_uuid)
        self.assertFalse(
            self.env["gov.contact.moment"].search(
                [("zgw_klantcontact_url", "=", klantcontact_url)]
            )
        )
        self.assertFalse(self.handover.zgw_internetaak_url)

    def test_copy_already_gone_counts_as_erased(self):
        klant = self.server.klant
        gone = next(iter(klant.internetaken))
        del klant.internetaken[gone]
        _wizard, trap = self.anonymise()
        trap.perform_enqueued_jobs()
        line = self.lines().filtered(lambda line: line.register_uuid == gone)
        self.assertEqual(line.state, "done")
        self.assertEqual(set(self.lines().mapped("state")), {"done"})
        self.assertEqual(klant.partijen, {})

    def test_server_down_retried_and_reported_pending(self):
        self.server.fail_with, self.server.fail_api = 503, "klantinteracties"
        _wizard, trap = self.anonymise()
        with trap_jobs() as retrap:
            trap.perform_enqueued_jobs()
            lines = self.lines()
            self.assertEqual(set(lines.mapped("state")), {"pending"})
            self.assertTrue(all("HTTP 503" in line.reason for line in lines))
            # Still to erase, with the reason, in the kept report's lines.
            retrap.assert_jobs_count(1)
            self.assertTrue(retrap.enqueued_jobs[0].eta)
            self.server.fail_with = None
            retrap.perform_enqueued_jobs()
        self.assertEqual(set(self.lines().mapped("state")), {"done"})
        self.assertEqual(self.server.klant.partijen, {})

    def test_refused_copy_to_erase_by_hand(self):
        self.server.fail_with, self.server.fail_api = 403, "klantinteracties"
        _wizard, trap = self.anonymise()
        with trap_jobs() as retrap:
            trap.perform_enqueued_jobs()
            retrap.assert_jobs_count(0)  # a refusal is not retried
        lines = self.lines()
        self.assertEqual(set(lines.mapped("state")), {"manual"})
        self.assertTrue(all("HTTP 403" in line.reason for line in lines))
        kept = lines.report_id
        self.assertEqual(kept.manual_count, 4)
        self.assertIn(self.partij_uuid, kept.manual_items)
        self.assertEqual(len(self.server.klant.partijen), 1)

    def test_without_connection_erase_by_hand(self):
        self.klant_service.active = False
        wizard, trap = self.anonymise()
        trap.assert_jobs_count(0)
        lines = self.lines()
        self.assertEqual(set(lines.mapped("state")), {"manual"})
        self.assertIn(self.partij_uuid, wizard.report)
        self.assertIn("Erase by hand", wizard.report)
        kept = lines.report_id
        self.assertEqual(kept.manual_count, 4)  # partij, 2 klantcontacten, taak
        self.assertIn(self.handover.zgw_internetaak_url, kept.manual_items)
        self.assertEqual(len(self.server.klant.partijen), 1)

    def test_lines_for_privacy_officers_only(self):
        self.anonymise()
        Erasure = self.env["gov.zgw.erasure"]
        with self.assertRaises(AccessError):
            Erasure.with_user(self.employee).search([]).read(["register_uuid"])
        with self.assertRaises(AccessError):
            Erasure.with_user(self.officer).search([]).write({"state": "done"})
