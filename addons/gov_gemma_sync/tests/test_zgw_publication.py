"""Issue 12, points 4 and 5: what is published to the register, and names as
the register expects them."""

from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.tests import new_test_user, tagged

from .klant_case import KlantCase


@tagged("post_install", "-at_install")
class TestZgwPublication(KlantCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.person = Partner.create(
            {
                "firstname": "Anna Maria",
                "name_infix": "van der",
                "lastname": "Berg",
                "gov_party_type": "citizen",
                "bsn": "111222333",
            }
        )
        cls.anonymous = Partner.create(
            {"name": "Piet de Boer", "gov_party_type": "citizen"}
        )
        cls.journalist = Partner.create(
            {"name": "Karin Pers", "gov_party_type": "press", "bsn": "123456782"}
        )
        cls.front_desk = new_test_user(
            cls.env, "gemma_pub_front_desk", groups="gov_loket.group_front_desk"
        )
        cls.handler = new_test_user(
            cls.env,
            "gemma_pub_handler",
            groups="gov_loket.group_employee",
            email="pub.handler@gemeente.example",
        )

    def test_defaults_publish_personal_contacts_of_identified_residents(self):
        service = self.klant_service
        self.assertEqual(
            sorted(service.publish_party_type_ids.mapped("code")),
            ["citizen", "civil_society", "company"],
        )
        self.assertEqual(len(service.publish_channel_ids), 11)
        self.assertFalse(service.publish_bulk)
        self.assertFalse(service.publish_unidentified)

    def test_mass_send_is_not_published_per_recipient(self):
        recipients = self.citizen | self.person
        with trap_jobs() as trap:
            moments = self.env["gov.contact.moment"].create(
                [
                    {
                        "partner_id": partner.id,
                        "channel": "email",
                        "direction": "outbound",
                        "subject": "Nieuwsbrief december",
                        "is_bulk": True,
                    }
                    for partner in recipients
                ]
            )
            trap.assert_jobs_count(0)
        self.assertEqual(moments.mapped("zgw_state"), [False, False])
        # An organisation that wants them per recipient says so.
        self.klant_service.publish_bulk = True
        with trap_jobs() as trap:
            self.register(is_bulk=True, channel="email")
            trap.assert_jobs_count(1)

    def test_channels_and_party_types_follow_the_settings(self):
        letter = self.env.ref("gov_gemma_sync.publish_channel_letter")
        self.klant_service.publish_channel_ids -= letter
        with trap_jobs() as trap:
            self.register(channel="letter")
            self.register(partner=self.journalist)
            trap.assert_jobs_count(0)
            self.register(channel="counter")
            trap.assert_jobs_count(1)

    def test_relation_without_identifier_is_not_a_partij(self):
        with trap_jobs() as trap:
            moment = self.register(partner=self.anonymous)
            trap.assert_jobs_count(0)
        self.assertFalse(moment.zgw_state)
        # Switched on: a klantcontact whose betrokkene has the name only; no
        # partij is created (it could never be found again).
        self.klant_service.publish_unidentified = True
        with trap_jobs() as trap:
            moment = self.register(partner=self.anonymous)
            trap.perform_enqueued_jobs()
        self.assertEqual(moment.zgw_state, "done")
        self.assertFalse(self.posts("/partijen"))
        (body,) = self.posts("/maak-klantcontact")
        betrokkene = body["betrokkene"]
        self.assertNotIn("wasPartij", betrokkene)
        self.assertEqual(
            betrokkene["contactnaam"],
            {
                "voorletters": "P.",
                "voornaam": "Piet",
                "voorvoegselAchternaam": "de",
                "achternaam": "Boer",
            },
        )

    def test_hand_over_of_an_unidentified_relation_is_still_published(self):
        team = self.env["helpdesk.ticket.team"].create({"name": "Afval"})
        with trap_jobs() as trap:
            ticket = (
                self.env["helpdesk.ticket"]
                .with_user(self.front_desk)
                .create(
                    {
                        "name": "Container niet geleegd",
                        "description": "<p>Al twee weken.</p>",
                        "partner_id": self.anonymous.id,
                        "team_id": team.id,
                    }
                )
            )
            trap.assert_jobs_count(0)  # the question alone is not published
            ticket.action_hand_over(self.handler.id, "Graag bellen.")
            trap.perform_enqueued_jobs()
        handover = ticket.with_env(self.env).handover_ids
        self.assertEqual(handover.zgw_state, "done")
        self.assertEqual(len(self.server.klant.internetaken), 1)
        self.assertFalse(self.posts("/partijen"))

    def test_partij_gets_the_dutch_name_parts(self):
        with trap_jobs() as trap:
            moment = self.register(partner=self.person)
            trap.perform_enqueued_jobs()
        self.assertEqual(moment.zgw_state, "done")
        (body,) = self.posts("/partijen")
        self.assertEqual(
            body["partijIdentificatie"]["contactnaam"],
            {
                "voorletters": "A.M.",
                "voornaam": "Anna Maria",
                "voorvoegselAchternaam": "van der",
                "achternaam": "Berg",
            },
        )
        ((partij, _ids),) = self.server.klant.partijen.values()
        self.assertEqual(
            partij["partijIdentificatie"]["volledigeNaam"], "Anna Maria van der Berg"
        )
