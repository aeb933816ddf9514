from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .klant_case import KlantCase


@tagged("post_install", "-at_install")
class TestInternetaak(KlantCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.front_desk = new_test_user(
            cls.env, "gemma_front_desk", groups="gov_loket.group_front_desk"
        )
        cls.handler = new_test_user(
            cls.env,
            "gemma_handler",
            groups="gov_loket.group_employee",
            email="handler@gemeente.example",
            name="Henk Handler",
        )
        cls.team = cls.env["helpdesk.ticket.team"].create({"name": "Vergunningen"})

    def setUp(self):
        super().setUp()
        with trap_jobs() as trap:
            ticket = (
                self.env["helpdesk.ticket"]
                .with_user(self.front_desk)
                .create(
                    {
                        "name": "Wanneer gaat mijn vergunning in?",
                        "description": "<p>Verhuisd naar het centrum.</p>",
                        "partner_id": self.citizen.id,
                        "team_id": self.team.id,
                    }
                )
            )
            self.ticket = ticket.with_env(self.env)
            self.ticket.with_user(self.front_desk).action_hand_over(
                self.handler.id, "Graag na 14:00 bellen."
            )
            self.handover = self.ticket.handover_ids
            self.assertEqual(self.handover.zgw_state, "pending")
            trap.perform_enqueued_jobs()

    def taken(self):
        return list(self.server.klant.internetaken.values())

    def test_hand_over_publishes_internetaak_once(self):
        (taak,) = self.taken()
        moment = self.ticket.contact_moment_ids
        self.assertEqual(self.handover.zgw_state, "done")
        self.assertEqual(self.handover.zgw_internetaak_url, taak["url"])
        self.assertEqual(self.handover.zgw_status, "te_verwerken")
        self.assertEqual(
            taak["aanleidinggevendKlantcontact"]["url"], moment.zgw_klantcontact_url
        )
        self.assertEqual(taak["toelichting"], "Graag na 14:00 bellen.")
        self.assertIn(self.ticket.number, taak["gevraagdeHandeling"])
        (actor,) = self.posts("/actoren")
        self.assertEqual(
            actor["actoridentificator"]["objectId"], "handler@gemeente.example"
        )
        self.assertEqual(actor["naam"], "Henk Handler")
        # A retry whose first attempt reached the server finds the task.
        self.handover.zgw_internetaak_url = False
        self.handover._zgw_publish()
        self.assertEqual(self.handover.zgw_internetaak_url, taak["url"])
        self.assertEqual(len(self.taken()), 1)
        self.assertEqual(len(self.posts("/actoren")), 1)

    def test_answer_marks_internetaak_verwerkt(self):
        with trap_jobs() as trap:
            self.ticket.with_user(self.handler).action_answer(
                "Per 1 december.", "email"
            )
            trap.assert_jobs_count(1, only=self.handover._zgw_close)
            trap.perform_enqueued_jobs()
        (taak,) = self.taken()
        self.assertEqual(taak["status"], "verwerkt")
        self.assertTrue(taak["afgehandeldOp"].endswith("Z"))
        self.assertEqual(self.handover.zgw_status, "verwerkt")

    def test_closing_the_request_completes_the_task(self):
        closed = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], limit=1
        )
        with trap_jobs() as trap:
            self.ticket.stage_id = closed
            trap.assert_jobs_count(1, only=self.handover._zgw_close)
            trap.perform_enqueued_jobs()
        (taak,) = self.taken()
        self.assertEqual(taak["status"], "verwerkt")
        self.assertEqual(self.handover.zgw_status, "verwerkt")

    def test_remote_completion_flows_back_by_cron(self):
        Handover = self.env["gov.loket.handover"]
        self.assertEqual(Handover._cron_zgw_sync_internetaken(), 0)
        self.assertEqual(self.handover.state, "pending")
        (taak,) = self.taken()
        taak["status"] = "verwerkt"
        with trap_jobs() as trap:
            self.assertEqual(Handover._cron_zgw_sync_internetaken(), 1)
            trap.assert_jobs_count(0)  # no PATCH back to the case system
        self.assertEqual(self.handover.state, "done")
        self.assertEqual(self.handover.zgw_status, "verwerkt")
        self.assertFalse(
            self.ticket.activity_ids.filtered(lambda a: a.user_id == self.handler)
        )
        self.assertFalse(self.ticket.closed)

    def test_remote_completion_flows_back_by_notification(self):
        (taak,) = self.taken()
        taak["status"] = "verwerkt"
        message = {
            "kanaal": "internetaken",
            "hoofdObject": taak["url"],
            "resource": "internetaak",
            "resourceUrl": taak["url"],
            "actie": "partial_update",
            "aanmaakdatum": "2026-11-29T11:00:00Z",
            "kenmerken": {"status": "verwerkt"},
        }
        Notification = self.env["gov.zgw.notification"]
        with trap_jobs() as trap:
            Notification._receive(message)
            Notification._receive(message)
            trap.assert_jobs_count(1)
            trap.perform_enqueued_jobs()
        self.assertEqual(Notification.search([]).state, "processed")
        self.assertEqual(self.handover.state, "done")

    def test_retry_after_server_error_without_duplicates(self):
        self.server.fail_with, self.server.fail_api = 503, "klantinteracties"
        with trap_jobs() as trap:
            self.ticket.with_user(self.front_desk).action_hand_over(
                self.handler.id, "Tweede poging"
            )
            second = self.ticket.handover_ids.filtered(lambda h: h.state == "pending")
            trap.perform_enqueued_jobs()
            self.assertEqual(second.zgw_state, "retrying")
            self.assertIn("HTTP 503", second.zgw_error)
            self.server.fail_with = None
            trap.perform_enqueued_jobs()
        self.assertEqual(second.zgw_state, "done")
        # The first task was handed on: verwerkt; the new one is open.
        by_ref = {t["referentienummer"]: t["status"] for t in self.taken()}
        self.assertEqual(
            by_ref,
            {
                self.handover.zgw_referentienummer: "verwerkt",
                second.zgw_referentienummer: "te_verwerken",
            },
        )

    def test_failed_hand_over_is_published_again_on_request(self):
        self.klant_service.secret = "wrong-token"
        with trap_jobs() as trap:
            self.ticket.with_user(self.front_desk).action_hand_over(
                self.handler.id, "Na de storing"
            )
            second = self.ticket.handover_ids.filtered(lambda h: h.state == "pending")
            trap.perform_enqueued_jobs()
        self.assertEqual(second.zgw_state, "failed")
        self.assertIn("HTTP 401", second.zgw_error)
        outsider = new_test_user(
            self.env, "gemma_outsider", groups="gov_addressbook.group_user"
        )
        with self.assertRaises(AccessError):
            second.with_user(outsider).action_zgw_retry()
        self.assertEqual(second.zgw_state, "failed")

        self.klant_service.secret = self.server.token
        with trap_jobs() as trap:
            second.with_user(self.front_desk).action_zgw_retry()
            trap.assert_jobs_count(1, only=second._zgw_publish)
            trap.perform_enqueued_jobs()
        self.assertEqual(second.zgw_state, "done")
        self.assertFalse(second.zgw_error)
        refs = [t["referentienummer"] for t in self.taken()]
        self.assertEqual(refs.count(second.zgw_referentienummer), 1)

    def test_no_connection_no_task(self):
        self.klant_service.active = False
        with trap_jobs() as trap:
            self.ticket.with_user(self.front_desk).action_hand_over(self.handler.id)
            trap.assert_jobs_count(0)  # neither a publication nor a completion
        self.assertFalse(self.ticket.handover_ids.filtered("zgw_state") - self.handover)
