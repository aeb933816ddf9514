import json

from odoo.tests import HttpCase, new_test_user, tagged

from .privacy_common import BSN_ANNA


@tagged("post_install", "-at_install")
class TestBsnOriginThroughTheWebClient(HttpCase):
    """Issue 11.3: "form" and "list" in the processing log mean the web
    client's screens, known from the route the call came through; the same
    call over XML-RPC is "rpc" (see tests/test_security_rpc.py)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.clerk = new_test_user(
            cls.env,
            "gov_web_bsn_clerk",
            password="gov_web_bsn_clerk",
            groups="gov_addressbook.group_user,gov_addressbook.group_bsn_access",
        )
        cls.anna = cls.env["res.partner"].create({"name": "Anna Web", "bsn": BSN_ANNA})

    def call_kw(self, method, args, kwargs):
        body = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": "res.partner",
                "method": method,
                "args": args,
                "kwargs": {
                    **kwargs,
                    "context": {"gov_processing_origin": "export"},
                },
            },
        }
        answer = self.url_open(
            f"/web/dataset/call_kw/res.partner/{method}",
            data=json.dumps(body),
            headers={"Content-Type": "application/json"},
        )
        return answer.json()["result"]

    def origins(self):
        lines = self.env["gov.processing.log"].search(
            [("partner_id", "=", self.anna.id), ("activity", "=", "read_bsn")],
            order="id",
        )
        return lines.mapped("origin")

    def test_form_and_list_of_the_web_client(self):
        self.authenticate("gov_web_bsn_clerk", "gov_web_bsn_clerk")
        rows = self.call_kw(
            "web_read", [[self.anna.id]], {"specification": {"bsn": {}}}
        )
        self.assertEqual(rows[0]["bsn"], BSN_ANNA)
        result = self.call_kw(
            "web_search_read",
            [],
            {"domain": [("id", "=", self.anna.id)], "specification": {"bsn": {}}},
        )
        self.assertEqual(result["records"][0]["bsn"], BSN_ANNA)
        self.assertEqual(self.origins(), ["form", "list"])
