from odoo.tests import tagged

from ..api import ids
from .common import KlantinteractiesCase


@tagged("post_install", "-at_install")
class TestKlantcontacten(KlantinteractiesCase):
    def test_maak_klantcontact_lands_on_the_relations_timeline(self):
        partij_uuid = self.partij_uuid(self.citizen)
        answer = self.new_klantcontact(
            partij_uuid,
            referentienummer="0000000042",
        )
        self.assertIsNone(answer["onderwerpobject"])
        moment = self.env["gov.contact.moment"].search(
            [("ki_reference", "=", "0000000042")]
        )
        self.assertEqual(moment.partner_id, self.citizen)
        self.assertEqual(moment.channel, "phone")
        self.assertEqual(moment.subject, "Parkeervergunning")
        self.assertEqual(moment.user_id, self.kcc_user)
        self.assertIn(moment, self.citizen.contact_moment_ids)
        kc = answer["klantcontact"]
        self.assertEqual(kc["hoofdOnderwerpType"], "")
        self.assertEqual(kc["metadata"], {})
        self.assertFalse(kc["verdereActieOndernomen"])
        self.assertEqual(answer["betrokkene"]["wasPartij"]["uuid"], partij_uuid)
        # The number is unique.
        status, refused = self.api(
            "POST",
            "maak-klantcontact",
            {
                "klantcontact": {
                    "kanaal": "telefoon",
                    "onderwerp": "x",
                    "taal": "nld",
                    "vertrouwelijk": False,
                    "referentienummer": "0000000042",
                }
            },
        )
        self.assertEqual(status, 400)
        self.assertEqual(
            refused["invalidParams"][0]["name"], "klantcontact.referentienummer"
        )

    def test_klantcontacten_of_a_partij_newest_first_with_expand(self):
        partij_uuid = self.partij_uuid(self.citizen)
        self.new_klantcontact(
            partij_uuid, onderwerp="Eerste", plaatsgevondenOp="2026-11-01T09:00:00Z"
        )
        self.new_klantcontact(
            partij_uuid, onderwerp="Tweede", plaatsgevondenOp="2026-11-20T09:00:00Z"
        )
        status, page = self.api(
            "GET",
            "klantcontacten",
            query={
                "hadBetrokkene__wasPartij__uuid": partij_uuid,
                "expand": "hadBetrokkenen,hadBetrokkenen.wasPartij,"
                "gingOverOnderwerpobjecten,leiddeTotInterneTaken",
            },
        )
        self.assertEqual(status, 200)
        self.assertEqual(
            [k["onderwerp"] for k in page["results"]], ["Tweede", "Eerste"]
        )
        betrokkene = page["results"][0]["_expand"]["hadBetrokkenen"][0]
        self.assertEqual(betrokkene["_expand"]["wasPartij"]["uuid"], partij_uuid)
        # By the partij's BSN, as KISS searches.
        status, page = self.api(
            "GET",
            "klantcontacten",
            query={
                "hadBetrokkene__wasPartij__partijIdentificator__objectId": "111222333"
            },
        )
        self.assertEqual(page["count"], 2)

    def test_a_contact_about_a_case(self):
        zaak = "5d940d52-ff5e-4b18-a769-977af9130c04"
        status, answer = self.api(
            "POST",
            "maak-klantcontact",
            {
                "klantcontact": {
                    "kanaal": "e-mail",
                    "onderwerp": "Bezwaar",
                    "taal": "nld",
                    "vertrouwelijk": True,
                },
                "onderwerpobject": {
                    "onderwerpobjectidentificator": {
                        "codeObjecttype": "zaak",
                        "codeRegister": "open-zaak",
                        "codeSoortObjectId": "uuid",
                        "objectId": zaak,
                    }
                },
            },
        )
        self.assertEqual(status, 201, answer)
        self.assertIsNone(answer["betrokkene"])
        status, page = self.api(
            "GET",
            "klantcontacten",
            query={"onderwerpobject__onderwerpobjectidentificatorObjectId": zaak},
        )
        self.assertEqual(
            [k["uuid"] for k in page["results"]], [answer["klantcontact"]["uuid"]]
        )
        self.assertTrue(page["results"][0]["vertrouwelijk"])
        moment = self.env["gov.contact.moment"].browse(
            ids.parse_uuid(answer["klantcontact"]["uuid"])[1]
        )
        self.assertEqual(moment.confidentiality, "vertrouwelijk")
        self.assertEqual(moment.ki_subject_ids.object_id, zaak)
        # Later someone says who it was: the moment moves to that relation.
        status, betrokkene = self.api(
            "POST",
            "betrokkenen",
            {
                "hadKlantcontact": {"uuid": answer["klantcontact"]["uuid"]},
                "wasPartij": {"uuid": self.partij_uuid(self.citizen)},
                "rol": "klant",
                "initiator": True,
            },
        )
        self.assertEqual(status, 201, betrokkene)
        self.assertEqual(moment.partner_id, self.citizen)

    def test_maak_klantcontact_ignores_a_read_only_klantcontact(self):
        """Found by Schemathesis: the onderwerpobject's read-only klantcontact
        was read unchecked (a list there gave a 500). Open Klant ignores it."""
        status, answer = self.api(
            "POST",
            "maak-klantcontact",
            {
                "klantcontact": {
                    "kanaal": "telefoon",
                    "onderwerp": "X",
                    "taal": "nld",
                    "vertrouwelijk": False,
                },
                "onderwerpobject": {
                    "klantcontact": [None],
                    "onderwerpobjectidentificator": {
                        "codeObjecttype": "zaak",
                        "codeRegister": "open-zaak",
                        "codeSoortObjectId": "uuid",
                        "objectId": "5d940d52-ff5e-4b18-a769-977af9130c05",
                    },
                },
            },
        )
        self.assertEqual(status, 201, answer)
        self.assertEqual(
            answer["onderwerpobject"]["klantcontact"]["uuid"],
            answer["klantcontact"]["uuid"],
        )

    def test_confidential_contacts_of_others_stay_hidden(self):
        moment = self.env["gov.contact.moment"].create(
            {
                "partner_id": self.citizen.id,
                "subject": "Schuldhulp",
                "confidentiality": "geheim",
                "user_id": self.colleague.id,
            }
        )
        status, page = self.api(
            "GET",
            "klantcontacten",
            query={"hadBetrokkene__wasPartij__uuid": self.partij_uuid(self.citizen)},
        )
        self.assertNotIn(
            ids.make_uuid("klantcontact", moment.id),
            [k["uuid"] for k in page["results"]],
        )
        status, _answer = self.api(
            "GET", f"klantcontacten/{ids.make_uuid('klantcontact', moment.id)}"
        )
        self.assertEqual(status, 404)

    def test_a_contact_request_for_a_colleague(self):
        answer = self.new_klantcontact(self.partij_uuid(self.citizen))
        kc_uuid = answer["klantcontact"]["uuid"]
        status, page = self.api(
            "GET",
            "actoren",
            query={"actoridentificatorObjectId": "colleague@example.org"},
        )
        actor = page["results"][0]
        self.assertEqual(actor["naam"], self.colleague.name)
        both = {
            "gevraagdeHandeling": "Terugbellen over de parkeervergunning die nog "
            "niet is ingegaan, graag voor vrijdag",
            "aanleidinggevendKlantcontact": {"uuid": kc_uuid},
            "toegewezenAanActor": {"uuid": actor["uuid"]},
            "toegewezenAanActoren": [{"uuid": actor["uuid"]}],
            "status": "te_verwerken",
        }
        status, refused = self.api("POST", "internetaken", both)
        self.assertEqual(
            (status, refused["invalidParams"][0]["name"]), (400, "nonFieldErrors")
        )
        del both["toegewezenAanActor"]
        status, taak = self.api(
            "POST",
            "internetaken",
            dict(both, referentienummer="0000000077", toelichting="Graag vandaag"),
        )
        self.assertEqual(status, 201, taak)
        self.assertEqual(taak["toegewezenAanActor"]["uuid"], actor["uuid"])
        self.assertEqual(taak["gevraagdeHandeling"], both["gevraagdeHandeling"])
        handover = self.env["gov.loket.handover"].search(
            [("ki_reference", "=", "0000000077")]
        )
        self.assertEqual(handover.to_user_id, self.colleague)
        self.assertEqual(handover.ticket_id.partner_id, self.citizen)
        self.assertEqual(handover.note, "Graag vandaag")
        status, done = self.api(
            "PATCH", f"internetaken/{taak['uuid']}", {"status": "verwerkt"}
        )
        self.assertEqual(status, 200)
        self.assertTrue(done["afgehandeldOp"])
        status, refused = self.api(
            "PATCH",
            f"internetaken/{taak['uuid']}",
            {"status": "te_verwerken", "afgehandeldOp": done["afgehandeldOp"]},
        )
        self.assertEqual(
            (status, refused["invalidParams"][0]["name"]), (400, "afgehandeldOp")
        )
        status, open_again = self.api(
            "PATCH", f"internetaken/{taak['uuid']}", {"status": "te_verwerken"}
        )
        self.assertIsNone(open_again["afgehandeldOp"])
        status, refused = self.api(
            "PATCH", f"internetaken/{taak['uuid']}", {"status": "klaar"}
        )
        self.assertEqual(
            (status, refused["invalidParams"][0]["code"]), (400, "invalid_choice")
        )
        status, page = self.api(
            "GET", "internetaken", query={"klantcontact__uuid": kc_uuid}
        )
        self.assertEqual([t["uuid"] for t in page["results"]], [taak["uuid"]])

    def test_delete_klantcontact_deletes_its_betrokkene(self):
        self.kcc_user.group_ids += self.env.ref("gov_addressbook.group_manager")
        answer = self.new_klantcontact(self.partij_uuid(self.citizen))
        status, _none = self.api(
            "DELETE", f"klantcontacten/{answer['klantcontact']['uuid']}"
        )
        self.assertEqual(status, 204)
        status, _answer = self.api("GET", f"betrokkenen/{answer['betrokkene']['uuid']}")
        self.assertEqual(status, 404)
