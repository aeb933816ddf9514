from odoo import fields
from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.tests import tagged

from .common import OTHER_BSN
from .klant_case import KlantPeopleCase


@tagged("post_install", "-at_install")
class TestPublicationAnonymised(KlantPeopleCase):
    """A relation is anonymised while the publication of its contact moment
    or hand-over still waits (or retries): the job sends nothing to the
    register afterwards, and the publication says why."""

    def anonymise(self):
        with trap_jobs() as trap:
            self.env["gov.partner.anonymise"].with_user(self.officer).create(
                {"partner_id": self.citizen.id, "confirm_name": "Jan Burger"}
            ).action_anonymise()
        # Nothing was published, so there is nothing to erase.
        trap.assert_jobs_count(0)
        self.assertTrue(self.citizen.gov_anonymised_at)

    def klant_requests(self):
        return [r for r in self.server.requests if r[0] == "klantinteracties"]

    def assert_cancelled(self, *records):
        for record in records:
            self.assertEqual(record.zgw_state, "cancelled")
            self.assertIn("anonymised", record.zgw_error)

    def test_waiting_contact_moment_not_published(self):
        with trap_jobs() as trap:
            moment = self.register()
            self.assertEqual(moment.zgw_state, "pending")
            trap.assert_jobs_count(1)
            self.anonymise()
            self.assert_cancelled(moment)
            trap.perform_enqueued_jobs()  # the job was already queued
        self.assertEqual(self.klant_requests(), [])
        self.assertEqual(self.server.klant.partijen, {})
        self.assertEqual(self.server.klant.klantcontacten, {})
        self.assert_cancelled(moment)
        self.assertFalse(moment.zgw_klantcontact_url)
        self.assertFalse(self.citizen.zgw_partij_uuid)
        # Nothing to publish again, and a new contact is not queued.
        self.assertEqual(moment.action_zgw_retry(), 0)
        with trap_jobs() as trap:
            later = self.register()
            trap.assert_jobs_count(0)
        self.assertFalse(later.zgw_state)

    def test_retrying_contact_moment_not_published(self):
        self.server.fail_with, self.server.fail_api = 503, "klantinteracties"
        with trap_jobs() as trap:
            moment = self.register()
            trap.perform_enqueued_jobs()
            self.assertEqual(moment.zgw_state, "retrying")
            trap.assert_jobs_count(1)  # the retry waits
            self.server.fail_with = None
            self.server.requests.clear()
            self.anonymise()
            self.assert_cancelled(moment)
            trap.perform_enqueued_jobs()
        self.assertEqual(self.klant_requests(), [])
        self.assertEqual(self.server.klant.partijen, {})
        self.assert_cancelled(moment)

    def test_waiting_hand_over_not_published(self):
        with trap_jobs() as trap:
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
            ticket = ticket.with_env(self.env)
            handover, moment = ticket.handover_ids, ticket.contact_moment_ids
            self.assertEqual(handover.zgw_state, "pending")
            self.assertEqual(trap.jobs_count(), 2)  # klantcontact and task
            self.anonymise()
            self.assert_cancelled(handover, moment)
            trap.perform_enqueued_jobs()
        self.assertEqual(self.klant_requests(), [])
        self.assertEqual(self.server.klant.internetaken, {})
        self.assertEqual(self.server.klant.klantcontacten, {})
        self.assert_cancelled(handover, moment)
        self.assertEqual(handover.action_zgw_retry(), 0)

    def test_job_checks_the_anonymisation_itself(self):
        """A job that runs for a relation anonymised without cancelling its
        publication (e.g. moved to the relation that stands for nobody)
        still sends nothing."""
        with trap_jobs() as trap:
            moment = self.register()
            # Only the marker: the publication was not cancelled.
            self.citizen.gov_anonymised_at = fields.Datetime.now()
            self.assertEqual(moment.zgw_state, "pending")
            trap.perform_enqueued_jobs()
        self.assertEqual(self.klant_requests(), [])
        self.assert_cancelled(moment)
        # Retention moved the moment to the relation that stands for nobody.
        piet = self.env["res.partner"].create(
            {"name": "Piet Burger", "gov_party_type": "citizen", "bsn": OTHER_BSN}
        )
        anonymous = self.env.ref("gov_addressbook.partner_anonymised")
        with trap_jobs() as trap:
            other = self.register(partner=piet)
            self.assertEqual(other.zgw_state, "pending")
            other.partner_id = anonymous
            trap.perform_enqueued_jobs()
        self.assertEqual(self.klant_requests(), [])
        self.assert_cancelled(other)
