from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from .privacy_common import BSN_ANNA


@tagged("post_install", "-at_install")
class TestBsnOverRpc(HttpCase):
    """The web client's JSON-RPC entry point: reading the BSN is logged for a
    user with BSN access and refused for everyone else."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            "rpc_bsn_clerk",
            groups="gov_addressbook.group_user,gov_addressbook.group_bsn_access",
        )
        new_test_user(cls.env, "rpc_employee", groups="gov_addressbook.group_user")
        cls.anna = cls.env["res.partner"].create(
            {"name": "Anna Rpc", "gov_party_type": "citizen", "bsn": BSN_ANNA}
        )

    def _call(self, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/res.partner/{method}",
            {
                "model": "res.partner",
                "method": method,
                "args": args,
                "kwargs": kwargs or {},
            },
        )

    def _lines(self):
        return self.env["gov.processing.log"].search(
            [("partner_id", "=", self.anna.id)]
        )

    def test_rpc_read_by_bsn_clerk_is_logged(self):
        self.authenticate("rpc_bsn_clerk", "rpc_bsn_clerk")
        rows = self._call("read", [[self.anna.id], ["bsn"]])
        self.assertEqual(rows[0]["bsn"], BSN_ANNA)
        line = self._lines()
        self.assertEqual(len(line), 1)
        self.assertEqual(line.user_id.login, "rpc_bsn_clerk")
        self.assertEqual((line.activity, line.origin), ("read_bsn", "rpc"))

    def test_rpc_read_without_bsn_access_is_refused(self):
        self.authenticate("rpc_employee", "rpc_employee")
        with self.assertRaises(JsonRpcException) as caught:
            self._call("read", [[self.anna.id], ["bsn"]])
        self.assertIn("AccessError", str(caught.exception))
        with self.assertRaises(JsonRpcException):
            self._call("search_read", [[("bsn", "=", BSN_ANNA)], ["name"]])
        rows = self._call("read", [[self.anna.id], ["name"]])
        self.assertEqual(rows[0]["name"], "Anna Rpc")
        self.assertFalse(self._lines())
