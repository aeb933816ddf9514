"""The local test server refuses what the real servers refuse (issue 12)."""

import requests

from odoo.tests import tagged

from .common import BSN, GemmaSyncCase
from .klant_world import KlantWorld


@tagged("post_install", "-at_install")
class TestZgwServerRules(GemmaSyncCase):
    def setUp(self):
        super().setUp()
        self.server.klant = KlantWorld(self.server.base)
        self.klant = f"{self.server.base}/klantinteracties/api/v1"
        self.headers = {"Authorization": f"Token {self.server.token}"}

    def tearDown(self):
        # These requests are wrong on purpose: the stand-in noted them.
        self.server.errors.clear()
        super().tearDown()

    def post(self, path, body):
        return requests.post(
            f"{self.klant}/{path}", json=body, headers=self.headers, timeout=10
        )

    def get(self, path, **params):
        return requests.get(
            f"{self.klant}/{path}", params=params, headers=self.headers, timeout=10
        )

    def klantcontact(self, number=None):
        body = {
            "klantcontact": {
                "kanaal": "telefoon",
                "onderwerp": "Vraag",
                "taal": "nld",
                "vertrouwelijk": False,
                "plaatsgevondenOp": "2026-11-29T10:15:00Z",
            },
            "betrokkene": {"rol": "klant", "initiator": True},
        }
        if number is not None:
            body["klantcontact"]["referentienummer"] = number
        return self.post("maak-klantcontact", body)

    def reason(self, response):
        (param,) = response.json()["invalidParams"]
        return param["name"], param["code"]

    def test_referentienummer_is_an_integer_and_unique(self):
        refused = self.klantcontact("LH12")
        self.assertEqual(refused.status_code, 400)
        self.assertEqual(
            self.reason(refused), ("klantcontact.referentienummer", "invalid")
        )
        self.assertEqual(refused.headers["Content-Type"], "application/json")
        self.assertEqual(self.klantcontact("0000000012").status_code, 201)
        again = self.klantcontact("0000000012")
        self.assertEqual(
            self.reason(again), ("klantcontact.referentienummer", "unique")
        )
        kc = self.klantcontact().json()["klantcontact"]
        actor = self.post("actoren", {"naam": "A", "soortActor": "medewerker"}).json()
        taak = {
            "gevraagdeHandeling": "Bellen",
            "aanleidinggevendKlantcontact": {"uuid": kc["uuid"]},
            "toegewezenAanActoren": [{"uuid": actor["uuid"]}],
            "status": "te_verwerken",
        }
        refused = self.post("internetaken", {**taak, "referentienummer": "LH1"})
        self.assertEqual(self.reason(refused), ("referentienummer", "invalid"))
        self.assertEqual(
            self.post("internetaken", {**taak, "referentienummer": "1"}).status_code,
            201,
        )
        again = self.post("internetaken", {**taak, "referentienummer": "1"})
        self.assertEqual(self.reason(again), ("referentienummer", "unique"))
        both = {**taak, "toegewezenAanActor": {"uuid": actor["uuid"]}}
        self.assertEqual(
            self.reason(self.post("internetaken", both))[0], "nonFieldErrors"
        )

    def test_partij_identificator_rules(self):
        def partij(soort, value, register="brp", objecttype="natuurlijk_persoon"):
            return self.post(
                "partijen",
                {
                    "soortPartij": "persoon",
                    "indicatieActief": True,
                    "partijIdentificatie": {"contactnaam": {"achternaam": "X"}},
                    "partijIdentificatoren": [
                        {
                            "partijIdentificator": {
                                "codeObjecttype": objecttype,
                                "codeSoortObjectId": soort,
                                "objectId": value,
                                "codeRegister": register,
                            }
                        }
                    ],
                },
            )

        self.assertEqual(partij("bsn", BSN).status_code, 201)
        self.assertEqual(self.reason(partij("bsn", BSN)), ("__all__", "unique"))
        self.assertEqual(partij("bsn", "123456789").status_code, 400)  # 11-proef
        self.assertEqual(partij("kvk_nummer", "12345678").status_code, 400)  # brp
        self.assertEqual(
            partij(
                "kvk_nummer", "1234567", "hr", "niet_natuurlijk_persoon"
            ).status_code,
            400,
        )

    def test_list_rules(self):
        unknown = self.get("klantcontacten", onderwerpp="x")
        self.assertEqual(unknown.status_code, 400)
        self.assertEqual(
            unknown.json()["invalidParams"][0]["code"], "unknown-parameters"
        )
        bad_uuid = self.get("klantcontacten", hadBetrokkene__wasPartij__uuid="nope")
        self.assertEqual(bad_uuid.status_code, 400)
        self.assertEqual(self.get("klantcontacten", page=2).status_code, 404)
        zaken = f"{self.server.base}/zaken/api/v1/zaken"
        auth = {"Authorization": "Bearer x"}
        self.assertEqual(requests.get(zaken, headers=auth, timeout=10).status_code, 412)
        self.assertEqual(
            requests.get(
                zaken, headers={**auth, "Accept-Crs": "EPSG:28992"}, timeout=10
            ).status_code,
            406,
        )

    def delete(self, path):
        return requests.delete(f"{self.klant}/{path}", headers=self.headers, timeout=10)

    def test_delete_as_open_klant_answers_it(self):
        created = self.klantcontact("0000000013").json()
        betrokkene = created["betrokkene"]["uuid"]
        uuid = created["klantcontact"]["uuid"]
        # OPENKLANT-BEHAVIOUR.md line 57: its betrokkenen go with it.
        gone = self.delete(f"klantcontacten/{uuid}")
        self.assertEqual((gone.status_code, gone.content), (204, b""))
        self.assertNotIn(betrokkene, self.server.klant.betrokkenen)
        # Line 19: an unknown uuid is a 404 not_found (our client: already gone).
        again = self.delete(f"klantcontacten/{uuid}")
        self.assertEqual((again.status_code, again.json()["code"]), (404, "not_found"))
        # Line 22: DELETE on a collection is 405.
        self.assertEqual(self.delete("klantcontacten").status_code, 405)
