"""Issue 12, points 1 and 2: our references as Open Klant accepts them, and
idempotency keyed on each record's own reference."""

from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.tests import new_test_user, tagged

from .klant_case import KlantCase


@tagged("post_install", "-at_install")
class TestZgwReferences(KlantCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.front_desk = new_test_user(
            cls.env, "gemma_ref_front_desk", groups="gov_loket.group_front_desk"
        )
        cls.handler = new_test_user(
            cls.env,
            "gemma_ref_handler",
            groups="gov_loket.group_employee",
            email="ref.handler@gemeente.example",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create({"name": "Vergunningen"})

    def hand_over(self, subject="Wanneer gaat mijn vergunning in?"):
        with trap_jobs() as trap:
            ticket = (
                self.env["helpdesk.ticket"]
                .with_user(self.front_desk)
                .create(
                    {
                        "name": subject,
                        "description": "<p>Verhuisd.</p>",
                        "partner_id": self.citizen.id,
                        "team_id": self.team.id,
                    }
                )
            )
            ticket.action_hand_over(self.handler.id, "Graag terugbellen.")
            trap.perform_enqueued_jobs()
        return ticket.with_env(self.env)

    # --- point 1 ----------------------------------------------------------

    def test_internetaak_referentienummer_is_digits_and_unique(self):
        first = self.hand_over().handover_ids
        second = self.hand_over("Tweede vraag").handover_ids
        # Open Klant 2.18 refuses "LH<id>": the hand-overs are published.
        self.assertEqual((first | second).mapped("zgw_state"), ["done", "done"])
        numbers = [
            t["referentienummer"] for t in self.server.klant.internetaken.values()
        ]
        self.assertEqual(len(set(numbers)), 2)
        for number in numbers:
            self.assertRegex(number, r"^\d{10}$")
        self.assertEqual(
            sorted(numbers),
            sorted((first | second).mapped("zgw_referentienummer")),
        )

    def test_reference_prefix_separates_systems(self):
        self.klant_service.reference_prefix = "9"
        handover = self.hand_over().handover_ids
        self.assertEqual(handover.zgw_referentienummer, f"9{handover.id:09d}")
        moment = self.env["gov.contact.moment"].search(
            [
                ("res_model", "=", "helpdesk.ticket"),
                ("res_id", "=", handover.ticket_id.id),
            ]
        )
        self.assertEqual(moment.zgw_referentienummer, f"9{moment.id:09d}")

    def test_closing_after_a_failed_creation_does_not_create_again(self):
        self.klant_service.secret = "wrong-token"
        ticket = self.hand_over()
        handover = ticket.handover_ids
        self.assertEqual(handover.zgw_state, "failed")
        self.server.requests.clear()
        self.klant_service.secret = self.server.token
        closed = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )
        with trap_jobs() as trap:
            ticket.stage_id = closed
            trap.perform_enqueued_jobs()
        self.assertFalse(self.posts("/internetaken"))
        self.assertEqual(handover.zgw_state, "failed")
        # Retry publishes it, already completed.
        with trap_jobs() as trap:
            handover.with_user(self.front_desk).action_zgw_retry()
            trap.perform_enqueued_jobs()
        (taak,) = self.server.klant.internetaken.values()
        self.assertEqual(taak["status"], "verwerkt")
        self.assertEqual(handover.zgw_state, "done")

    # --- point 2 ----------------------------------------------------------

    def test_moments_sharing_subject_and_time_are_published_separately(self):
        # A request created and answered within one second: question and
        # answer have the same relation, subject and time.
        with trap_jobs() as trap:
            question = self.register()
            answer = self.register(direction="outbound", summary="Per 1 december.")
            trap.perform_enqueued_jobs()
        self.assertEqual((question | answer).mapped("zgw_state"), ["done", "done"])
        self.assertNotEqual(question.zgw_klantcontact_url, answer.zgw_klantcontact_url)
        self.assertEqual(len(self.server.klant.klantcontacten), 2)
        sent = [
            b["klantcontact"]["referentienummer"]
            for b in self.posts("/maak-klantcontact")
        ]
        self.assertEqual(
            sent, [question.zgw_referentienummer, answer.zgw_referentienummer]
        )
        # A retry of the answer (its first attempt's transaction lost) finds
        # the answer's klantcontact by its own number, not the question's.
        url = answer.zgw_klantcontact_url
        answer.zgw_klantcontact_url = False
        answer._zgw_publish()
        self.assertEqual(answer.zgw_klantcontact_url, url)
        self.assertEqual(len(self.server.klant.klantcontacten), 2)

    def test_number_used_by_another_system_is_not_adopted(self):
        moment = self.register()
        number = self.klant_service._zgw_reference(moment.id)
        # KISS wrote a klantcontact with that very number.
        self.server.klant._post_maak_klantcontact(
            {},
            {
                "klantcontact": {
                    "kanaal": "telefoon",
                    "onderwerp": "Van KISS",
                    "taal": "nld",
                    "vertrouwelijk": False,
                    "plaatsgevondenOp": "2026-01-01T08:00:00Z",
                    "referentienummer": number,
                },
                "betrokkene": {"rol": "klant", "initiator": True},
            },
        )
        moment.zgw_state = "pending"
        moment._zgw_publish()
        self.assertEqual(moment.zgw_state, "failed")
        self.assertIn(number, moment.zgw_error)
        self.assertIn("reference prefix", moment.zgw_error)
        self.assertFalse(moment.zgw_klantcontact_url)
        self.assertEqual(len(self.server.klant.klantcontacten), 1)
