from odoo.tests import tagged

from .common import KlantinteractiesCase


@tagged("post_install", "-at_install")
class TestOpenKlantBehaviour(KlantinteractiesCase):
    """The rest of OPENKLANT-BEHAVIOUR.md, point by point (the others are in
    test_errors, test_partijen and test_klantcontacten)."""

    def test_large_pages_and_answers_without_expand(self):
        status, page = self.api("GET", "partijen", query={"pageSize": "1000"})
        self.assertEqual(status, 200)
        self.assertEqual(len(page["results"]), min(page["count"], 1000))
        partij = self.new_partij()
        self.assertNotIn("_expand", partij)

    def test_kvk_number_has_eight_digits(self):
        status, answer = self.api(
            "POST",
            "partijen",
            {
                "soortPartij": "organisatie",
                "indicatieActief": True,
                "partijIdentificatie": {"naam": "Zeven Cijfers BV"},
                "partijIdentificatoren": [
                    {
                        "partijIdentificator": {
                            "codeObjecttype": "niet_natuurlijk_persoon",
                            "codeSoortObjectId": "kvk_nummer",
                            "objectId": "1234567",
                            "codeRegister": "hr",
                        }
                    }
                ],
            },
        )
        self.assertEqual(status, 400)
        self.assertEqual(
            answer["invalidParams"][0]["name"],
            "partijIdentificatoren.0.partijIdentificatorObjectId",
        )

    def test_establishments_by_their_kvk_number(self):
        self.company.establishment_number = "000012345678"
        status, page = self.api(
            "GET", "partijen", query={"subIdentificatorVan__objectId": "12345678"}
        )
        self.assertEqual(status, 200)
        self.assertEqual(
            [p["uuid"] for p in page["results"]], [self.partij_uuid(self.company)]
        )

    def test_delete_partij_removes_its_identificatoren(self):
        self.kcc_user.group_ids += self.env.ref("gov_addressbook.group_manager")
        partij = self.new_partij(
            partijIdentificatoren=[
                {
                    "partijIdentificator": {
                        "codeObjecttype": "natuurlijk_persoon",
                        "codeSoortObjectId": "bsn",
                        "objectId": "999993653",
                        "codeRegister": "brp",
                    }
                }
            ]
        )
        identificator = partij["partijIdentificatoren"][0]["uuid"]
        status, _none = self.api("DELETE", f"partijen/{partij['uuid']}")
        self.assertEqual(status, 204)
        status, _answer = self.api("GET", f"partij-identificatoren/{identificator}")
        self.assertEqual(status, 404)
        self.assertFalse(self.env["res.partner"].search([("bsn", "=", "999993653")]))

    def test_maak_klantcontact_has_no_location_and_filters_on_onderwerp(self):
        body = {
            "klantcontact": {
                "kanaal": "balie",
                "onderwerp": "Rijbewijs verlengen",
                "taal": "nld",
                "vertrouwelijk": False,
            }
        }
        response = self.url_open(
            "/klantinteracties/api/v1/maak-klantcontact",
            json=body,
            headers={"Authorization": f"Token {self.kcc_key}"},
        )
        self.assertEqual(response.status_code, 201)
        self.assertNotIn("Location", response.headers)
        _status, page = self.api(
            "GET", "klantcontacten", query={"onderwerp": "Rijbewijs verlengen"}
        )
        self.assertEqual(page["count"], 1)
        self.assertEqual(page["results"][0]["kanaal"], "balie")

    def test_delete_betrokkene(self):
        answer = self.new_klantcontact(self.partij_uuid(self.citizen))
        status, _none = self.api(
            "DELETE", f"betrokkenen/{answer['betrokkene']['uuid']}"
        )
        self.assertEqual(status, 204)
        status, contact = self.api(
            "GET", f"klantcontacten/{answer['klantcontact']['uuid']}"
        )
        self.assertEqual(contact["hadBetrokkenen"], [])

    def test_referentienummer_is_digits_only(self):
        status, answer = self.api(
            "POST",
            "maak-klantcontact",
            {
                "klantcontact": {
                    "kanaal": "telefoon",
                    "onderwerp": "x",
                    "taal": "nld",
                    "vertrouwelijk": False,
                    "referentienummer": "AB-12",
                }
            },
        )
        self.assertEqual(status, 400)
        self.assertEqual(answer["invalidParams"][0]["code"], "invalid")

    def test_put_ignores_read_only_fields(self):
        answer = self.new_klantcontact(self.partij_uuid(self.citizen))
        contact = answer["klantcontact"]
        body = dict(contact, onderwerp="Gewijzigd onderwerp", nummer="9999999999")
        body["uuid"] = "00000000-0000-4000-8000-000000000000"
        status, changed = self.api("PUT", f"klantcontacten/{contact['uuid']}", body)
        self.assertEqual(status, 200, changed)
        self.assertEqual(changed["uuid"], contact["uuid"])
        self.assertEqual(changed["onderwerp"], "Gewijzigd onderwerp")
