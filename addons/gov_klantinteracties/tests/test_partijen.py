from odoo.tests import tagged

from .common import KlantinteractiesCase

BSN_KIND = {
    "codeObjecttype": "natuurlijk_persoon",
    "codeSoortObjectId": "bsn",
    "codeRegister": "brp",
}


@tagged("post_install", "-at_install")
class TestPartijen(KlantinteractiesCase):
    def test_a_partij_made_through_the_api_is_a_relation_of_the_address_book(self):
        partij = self.new_partij(
            partijIdentificatoren=[
                {"partijIdentificator": {**BSN_KIND, "objectId": "999993653"}}
            ]
        )
        self.assertEqual(partij["partijIdentificatie"]["volledigeNaam"], "Jan de Vries")
        partner = self.env["res.partner"].search([("name", "=", "Jan de Vries")])
        self.assertEqual(len(partner), 1)
        self.assertEqual(
            (partner.firstname, partner.name_infix, partner.lastname),
            ("Jan", "de", "Vries"),
        )
        self.assertEqual(partner.sudo().bsn, "999993653")
        self.assertEqual(partij["uuid"], self.partij_uuid(partner))
        status, again = self.api("GET", f"partijen/{partij['uuid']}")
        self.assertEqual(status, 200)
        self.assertNotIn("_expand", again)
        self.assertEqual(
            again["partijIdentificatoren"][0]["partijIdentificator"]["objectId"],
            "999993653",
        )

    def test_find_a_citizen_by_bsn_and_log_it(self):
        Log = self.env["gov.processing.log"].sudo()
        before = Log.search_count([("partner_id", "=", self.citizen.id)])
        status, page = self.api(
            "GET",
            "partijen",
            query={
                "partijIdentificator__codeSoortObjectId": "bsn",
                "partijIdentificator__objectId": "111222333",
                "expand": "digitaleAdressen",
            },
        )
        self.assertEqual(status, 200)
        self.assertEqual(page["count"], 1)
        found = page["results"][0]
        self.assertEqual(found["uuid"], self.partij_uuid(self.citizen))
        self.assertEqual(found["bezoekadres"]["straatnaam"], "Dorpsstraat")
        self.assertEqual(found["bezoekadres"]["huisnummer"], 12)
        self.assertEqual(found["bezoekadres"]["huisnummertoevoeging"], "a")
        self.assertEqual(found["bezoekadres"]["postcode"], "1234 AB")
        adressen = {a["adres"] for a in found["_expand"]["digitaleAdressen"]}
        self.assertEqual(adressen, {"fatima@example.org", "0612345678"})
        lines = Log.search([("partner_id", "=", self.citizen.id)], order="id")[before:]
        self.assertTrue(lines)
        self.assertEqual(set(lines.mapped("origin")), {"klantinteracties_api"})
        self.assertEqual(lines.mapped("ki_application_id"), self.kcc_app)
        self.assertEqual(set(lines.mapped("user_id")), {self.kcc_user})
        self.assertIn("search_bsn", lines.mapped("activity"))
        self.assertIn("read_bsn", lines.mapped("activity"))

    def test_without_bsn_access_no_bsn_is_shown_or_searchable(self):
        status, page = self.api(
            "GET",
            "partijen",
            query={"partijIdentificator__objectId": "111222333"},
            key=self.reader_key,
        )
        self.assertEqual((status, page["count"]), (200, 0))
        status, partij = self.api(
            "GET", f"partijen/{self.partij_uuid(self.citizen)}", key=self.reader_key
        )
        self.assertEqual(status, 200)
        self.assertEqual(partij["partijIdentificatoren"], [])

    def test_organisation_with_contact_person(self):
        status, contact = self.api(
            "POST",
            "partijen",
            {
                "soortPartij": "contactpersoon",
                "indicatieActief": True,
                "partijIdentificatie": {
                    "werkteVoorPartij": {"uuid": self.partij_uuid(self.company)},
                    "contactnaam": {"voornaam": "Piet", "achternaam": "Bakker"},
                },
            },
        )
        self.assertEqual(status, 201, contact)
        person = self.env["res.partner"].search([("name", "=", "Piet Bakker")])
        self.assertEqual(person.parent_id, self.company)
        status, page = self.api(
            "GET",
            "partijen",
            query={"soortPartij": "contactpersoon", "pageSize": "100"},
        )
        self.assertIn(contact["uuid"], [p["uuid"] for p in page["results"]])
        status, organisation = self.api(
            "GET", f"partijen/{self.partij_uuid(self.company)}"
        )
        self.assertEqual(organisation["soortPartij"], "organisatie")
        self.assertEqual(
            organisation["partijIdentificatie"], {"naam": "Bakkerij De Korst"}
        )

    def test_change_a_partij_and_ignore_read_only_fields(self):
        partij = self.new_partij()
        status, changed = self.api(
            "PATCH",
            f"partijen/{partij['uuid']}",
            {
                "uuid": "00000000-0000-4000-8000-000000000000",
                "url": "http://elsewhere/",
                "betrokkenen": [],
                "interneNotitie": "Belt liever 's ochtends",
                "partijIdentificatie": {
                    "contactnaam": {
                        "voornaam": "Johan",
                        "achternaam": "Vries",
                        "voorvoegselAchternaam": "de",
                    }
                },
            },
        )
        self.assertEqual(status, 200, changed)
        self.assertEqual(changed["uuid"], partij["uuid"])
        self.assertEqual(
            changed["partijIdentificatie"]["volledigeNaam"], "Johan de Vries"
        )
        self.assertEqual(changed["interneNotitie"], "Belt liever 's ochtends")

    def test_identificator_rules_of_open_klant(self):
        def refused(identificator, name, code="invalid"):
            status, answer = self.api(
                "POST",
                "partijen",
                {
                    "soortPartij": "persoon",
                    "indicatieActief": True,
                    "partijIdentificatie": {"contactnaam": {"achternaam": "Test"}},
                    "partijIdentificatoren": [identificator],
                },
            )
            self.assertEqual(status, 400, answer)
            self.assertEqual(answer["invalidParams"][0]["name"], name)
            self.assertEqual(answer["invalidParams"][0]["code"], code)

        refused(
            {"partijIdentificator": {**BSN_KIND, "objectId": "123456789"}},
            "partijIdentificatoren.0.partijIdentificatorObjectId",
        )
        refused(
            {
                "partijIdentificator": {
                    **BSN_KIND,
                    "codeSoortObjectId": "kvk_nummer",
                    "objectId": "12345678",
                }
            },
            "partijIdentificatoren.0.partijIdentificatorCodeSoortObjectId",
        )
        refused(
            {"partijIdentificator": {**BSN_KIND, "objectId": "111222333"}},
            "__all__",
            "unique",
        )
        refused(
            {
                "partijIdentificator": {
                    "codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn",
                    "codeRegister": "brp",
                }
            },
            "partijIdentificatoren.0.partijIdentificatorObjectId",
            "required",
        )
        self.assertFalse(self.env["res.partner"].search([("name", "=", "Test")]))

    def test_establishment_belongs_to_a_kvk_identificator(self):
        company_uuid = self.partij_uuid(self.company)
        establishment = {
            "identificeerdePartij": {"uuid": company_uuid},
            "partijIdentificator": {
                "codeObjecttype": "vestiging",
                "codeSoortObjectId": "vestigingsnummer",
                "objectId": "000012345678",
                "codeRegister": "hr",
            },
        }
        status, answer = self.api("POST", "partij-identificatoren", establishment)
        self.assertEqual(status, 400)
        self.assertEqual(answer["invalidParams"][0]["name"], "subIdentificatorVan")
        status, page = self.api(
            "GET",
            "partij-identificatoren",
            query={"partijIdentificatorObjectId": "12345678"},
        )
        kvk = page["results"][0]
        establishment["subIdentificatorVan"] = {"uuid": kvk["uuid"]}
        status, created = self.api("POST", "partij-identificatoren", establishment)
        self.assertEqual(status, 201, created)
        self.assertEqual(created["subIdentificatorVan"]["uuid"], kvk["uuid"])
        self.assertEqual(self.company.establishment_number, "000012345678")
        status, answer = self.api("DELETE", f"partij-identificatoren/{kvk['uuid']}")
        self.assertEqual(status, 400)
        self.assertEqual(answer["invalidParams"][0]["name"], "nonFieldErrors")
        status, _none = self.api("DELETE", f"partij-identificatoren/{created['uuid']}")
        self.assertEqual(status, 204)
        self.assertFalse(self.company.establishment_number)

    def test_digitale_adressen(self):
        partij = self.new_partij()
        base = {"verstrektDoorPartij": {"uuid": partij["uuid"]}}
        status, answer = self.api(
            "POST",
            "digitaleadressen",
            {**base, "adres": "0900-1234567", "soortDigitaalAdres": "telefoonnummer"},
        )
        self.assertEqual((status, answer["invalidParams"][0]["name"]), (400, "adres"))
        status, answer = self.api(
            "POST",
            "digitaleadressen",
            {**base, "adres": "geen-mail", "soortDigitaalAdres": "email"},
        )
        self.assertEqual(status, 400)
        status, adres = self.api(
            "POST",
            "digitaleadressen",
            {**base, "adres": "jan@example.org", "soortDigitaalAdres": "email"},
        )
        self.assertEqual(status, 201, adres)
        partner = self.env["res.partner"].search([("name", "=", "Jan de Vries")])
        self.assertEqual(partner.email, "jan@example.org")
        status, page = self.api(
            "GET", "digitaleadressen", query={"adres": "jan@example.org"}
        )
        self.assertEqual([a["uuid"] for a in page["results"]], [adres["uuid"]])
        self.assertNotIn("isGeverifieerd", page["results"][0])
        status, _none = self.api("DELETE", f"digitaleadressen/{adres['uuid']}")
        self.assertEqual(status, 204)
        self.assertFalse(partner.email)
