from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.tests import new_test_user, tagged

from .common import BSN, ROLE_BSN, GemmaSyncCase


@tagged("post_install", "-at_install")
class TestZaakStatusChange(GemmaSyncCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, "gemma_rel_manager", groups="gov_addressbook.group_user"
        )
        cls.citizen.relationship_manager_id = cls.manager
        cls.notificaties = cls.env["gov.zgw.service"].create(
            {
                "name": "Test Notificaties",
                "api_type": "notificaties",
                "base_url": f"{cls.server.base}/api/v1",
                "client_id": cls.server.client_id,
                "secret": cls.server.secret,
                "callback_auth": "Bearer status-test",
                "notify_relationship_manager": True,
            }
        )
        # Moments from the case system must not be published back to it.
        cls.env["gov.zgw.service"].create(
            {
                "name": "Test Klantinteracties",
                "api_type": "klantinteracties",
                "base_url": f"{cls.server.base}/klantinteracties/api/v1",
                "auth_type": "token",
                "secret": cls.server.token,
            }
        )
        cls.Notification = cls.env["gov.zgw.notification"]

    def setUp(self):
        super().setUp()
        self.remote = self.add_zaak("ZAAK-S", {ROLE_BSN: [BSN]}, status=self.received)
        self.citizen.action_sync_zaken()
        self.zaak = self.citizen.zaak_ids
        self.assertEqual(self.zaak.status_description, "Uw aanvraag is ontvangen.")

    def moments(self):
        return self.env["gov.contact.moment"].search(
            [("res_model", "=", "gov.zaak"), ("res_id", "=", self.zaak.id)]
        )

    def deliver(self, aanmaakdatum="2026-11-29T10:20:31Z", **values):
        message = {
            "kanaal": "zaken",
            "hoofdObject": self.remote["url"],
            "resource": "status",
            "resourceUrl": f"{self.remote['url']}/status",
            "actie": "create",
            "aanmaakdatum": aanmaakdatum,
            **values,
        }
        with trap_jobs() as trap:
            self.Notification._receive(message, self.notificaties)
            trap.perform_enqueued_jobs()

    def manager_todos(self):
        return self.citizen.activity_ids.filtered(lambda a: a.user_id == self.manager)

    def test_status_change_logs_one_moment_and_notifies_manager(self):
        self.server.world.set_status(self.remote, self.decided)
        self.deliver()
        self.deliver()  # the same delivery again
        self.assertEqual(len(self.Notification.search([])), 1)
        moment = self.moments()
        self.assertEqual(len(moment), 1)
        self.assertEqual(moment.subject, "Case ZAAK-S: Besloten")
        self.assertEqual(
            (moment.partner_id, moment.channel, moment.direction, moment.zaak_id),
            (self.citizen, "other", "outbound", self.zaak),
        )
        self.assertFalse(moment.zgw_state)
        self.assertFalse(self.server.klant.klantcontacten)
        (todo,) = self.manager_todos()
        self.assertEqual(todo.summary, "Case ZAAK-S: Besloten")
        # Another notification about the same (unchanged) status adds nothing.
        self.deliver(aanmaakdatum="2026-11-29T10:25:00Z", resource="zaak")
        self.assertEqual(len(self.moments()), 1)
        self.assertEqual(len(self.manager_todos()), 1)

    def test_closure_is_logged(self):
        self.remote["einddatum"] = "2026-11-29"
        self.deliver(resource="zaak", actie="partial_update")
        self.assertEqual(self.zaak.einddatum.isoformat(), "2026-11-29")
        self.assertEqual(self.moments().subject, "Case ZAAK-S: closed")

    def test_manager_not_notified_unless_configured(self):
        self.notificaties.notify_relationship_manager = False
        self.server.world.set_status(self.remote, self.decided)
        self.deliver()
        self.assertEqual(len(self.moments()), 1)
        self.assertFalse(self.manager_todos())

    def test_confidential_case_gives_confidential_moment(self):
        self.zaak.vertrouwelijkheidaanduiding = "geheim"
        self.remote["vertrouwelijkheidaanduiding"] = "geheim"
        self.server.world.set_status(self.remote, self.decided)
        self.deliver()
        self.assertEqual(self.moments().confidentiality, "geheim")
        Moment = self.env["gov.contact.moment"]
        self.assertFalse(
            Moment.with_user(self.employee).search([("zaak_id", "=", self.zaak.id)])
        )
        self.assertTrue(
            Moment.with_user(self.manager).search([("zaak_id", "=", self.zaak.id)])
        )

    def test_klantcontacten_kanaal_is_accepted_and_ignored(self):
        url = f"{self.server.base}/klantinteracties/api/v1/klantcontacten/x"
        self.deliver(
            kanaal="klantcontacten",
            hoofdObject=url,
            resource="klantcontact",
            resourceUrl=url,
        )
        notification = self.Notification.search([("kanaal", "=", "klantcontacten")])
        self.assertEqual(notification.state, "ignored")
        self.assertFalse(self.moments())
