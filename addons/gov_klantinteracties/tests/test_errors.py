from odoo.tests import tagged

from .common import KlantinteractiesCase


@tagged("post_install", "-at_install")
class TestErrors(KlantinteractiesCase):
    """The errors Open Klant 2.18.0 gives (OPENKLANT-BEHAVIOUR.md, Errors/Lists)."""

    def test_authentication(self):
        status, answer = self.api("GET", "partijen", key="")
        self.assertEqual((status, answer["code"]), (401, "not_authenticated"))
        status, answer = self.api("GET", "partijen", key="0" * 40)
        self.assertEqual((status, answer["code"]), (401, "authentication_failed"))
        self.kcc_app.action_revoke_token()
        status, answer = self.api("GET", "partijen")
        self.assertEqual((status, answer["code"]), (401, "authentication_failed"))

    def test_lists(self):
        status, answer = self.api("GET", "partijen", query={"onbekend": "1"})
        self.assertEqual(
            (status, answer["invalidParams"][0]["code"]), (400, "unknown-parameters")
        )
        status, answer = self.api(
            "GET",
            "klantcontacten",
            query={"hadBetrokkene__wasPartij__uuid": "geen-uuid"},
        )
        self.assertEqual(
            (status, answer["invalidParams"][0]["name"]),
            (400, "hadBetrokkene__wasPartij__uuid"),
        )
        status, _answer = self.api("GET", "partijen", query={"page": "999"})
        self.assertEqual(status, 404)
        status, _answer = self.api("GET", "partijen", query={"page": "abc"})
        self.assertEqual(status, 404)
        status, page = self.api("GET", "partijen", query={"pageSize": "0"})
        self.assertEqual(status, 200)
        self.assertTrue(all(item["_expand"] == {} for item in page["results"]))
        status, answer = self.api("GET", "partijen", query={"expand": "iets"})
        self.assertEqual((status, answer["invalidParams"][0]["name"]), (400, "expand"))
        status, page = self.api(
            "GET", "klantcontacten", query={"vertrouwelijk": "misschien"}
        )
        self.assertEqual(status, 200)
        status, page = self.api("GET", "partijen", query={"pageSize": "1"})
        self.assertEqual(len(page["results"]), 1)
        self.assertIn("page=2", page["next"])

    def test_huge_page_numbers(self):
        """Found by Schemathesis: a page or page size beyond PostgreSQL's bigint
        gave a 500; such a page is past the end (404), such a size is "all"."""
        status, answer = self.api(
            "GET", "partijen", query={"page": str(2**62), "pageSize": "376352025340"}
        )
        self.assertEqual((status, answer["code"]), (404, "not_found"))
        status, answer = self.api("GET", "partijen", query={"page": str(2**70)})
        self.assertEqual(status, 404, answer)
        status, page = self.api("GET", "partijen", query={"pageSize": str(10**20)})
        self.assertEqual(status, 200, page)
        self.assertEqual(len(page["results"]), page["count"])

    def test_nul_in_a_filter_is_refused(self):
        """Found by Schemathesis: a NUL in a filter value failed in PostgreSQL
        (500); Open Klant's filters refuse it with a 400 under its name."""
        for path, name in (
            ("partijen", "partijIdentificator__objectId"),
            ("klantcontacten", "hadBetrokkene__digitaaladres__adres__icontains"),
            ("betrokkenen", "organisatienaam"),
        ):
            status, answer = self.api("GET", path, query={name: "a\x00b"})
            self.assertEqual(status, 400, (path, answer))
            self.assertEqual(
                answer["invalidParams"][0],
                {
                    "name": name,
                    "code": "null_characters_not_allowed",
                    "reason": "Null-tekens zijn niet toegestaan.",
                },
            )

    def test_requests(self):
        status, answer = self.api("GET", "partijen/geen-uuid")
        self.assertEqual((status, answer["code"]), (404, "not_found"))
        status, answer = self.api(
            "GET", "partijen/095be615-a8ad-4c33-8e9c-c7612fbf6c9f"
        )
        self.assertEqual((status, answer["code"]), (404, "not_found"))
        status, answer = self.api(
            "POST", "partijen", raw="x", headers={"Content-Type": "text/plain"}
        )
        self.assertEqual(status, 415)
        status, answer = self.api(
            "POST",
            "partijen",
            raw="{kapot",
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual((status, answer["code"]), (400, "parse_error"))
        status, answer = self.api(
            "GET", "partijen", headers={"Accept": "application/xml"}
        )
        self.assertEqual(status, 406)
        status, answer = self.api("DELETE", "partijen")
        self.assertEqual(status, 405)

    def test_rights_of_the_applications_user_apply(self):
        partij = self.new_partij()
        status, answer = self.api(
            "DELETE", f"partijen/{partij['uuid']}", key=self.reader_key
        )
        self.assertEqual((status, answer["code"]), (403, "permission_denied"))
        status, answer = self.api(
            "POST",
            "partijen",
            {
                "soortPartij": "organisatie",
                "indicatieActief": True,
                "partijIdentificatie": {"naam": "X"},
            },
            key=self.reader_key,
        )
        self.assertEqual(status, 403)
        self.assertFalse(self.env["res.partner"].search([("name", "=", "X")]))
