"""Issue 12, point 6: every public method answers XML-RPC with a value."""

import ast
from pathlib import Path

from odoo.addons.queue_job.tests.common import trap_jobs
from odoo.tests import HttpCase, new_test_user, tagged

from .common import BSN, make_services
from .zgw_server import ZgwTestServer

MODELS = Path(__file__).parents[1] / "models"


def returns_nothing(function):
    """True when a path through ``function`` ends without a value."""
    for node in ast.walk(function):
        if isinstance(node, ast.Return) and (
            node.value is None
            or (isinstance(node.value, ast.Constant) and node.value.value is None)
        ):
            return True
    return not isinstance(function.body[-1], ast.Return | ast.Raise)


@tagged("post_install", "-at_install")
class TestZgwRpc(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ZgwTestServer().start()
        cls.addClassCleanup(cls.server.stop)
        make_services(cls.env, cls.server)
        cls.klant = cls.env["gov.zgw.service"].create(
            {
                "name": "Test Klantinteracties",
                "api_type": "klantinteracties",
                "base_url": f"{cls.server.base}/klantinteracties/api/v1",
                "auth_type": "token",
                "secret": "wrong-token",
            }
        )
        cls.employee = new_test_user(
            cls.env, "gemma_rpc_employee", groups="gov_addressbook.group_user"
        )
        cls.citizen = cls.env["res.partner"].create(
            {"name": "Jan Burger", "gov_party_type": "citizen", "bsn": BSN}
        )

    def test_public_methods_return_a_value(self):
        # Static: no public method of this addon's models ends without a value.
        silent = []
        for path in sorted(MODELS.glob("*.py")):
            for node in ast.walk(ast.parse(path.read_text())):
                if not isinstance(node, ast.ClassDef):
                    continue
                for function in node.body:
                    if (
                        isinstance(function, ast.FunctionDef)
                        and not function.name.startswith("_")
                        and returns_nothing(function)
                    ):
                        silent.append(f"{path.name}: {function.name}")
        self.assertEqual(silent, [])

    def test_retry_over_xmlrpc(self):
        with trap_jobs() as trap:
            moment = self.env["gov.contact.moment"].create(
                {
                    "partner_id": self.citizen.id,
                    "channel": "phone",
                    "subject": "Vraag",
                    "occurred_at": "2026-11-29 10:15:00",
                }
            )
            trap.perform_enqueued_jobs()
        self.assertEqual(moment.zgw_state, "failed")
        self.klant.secret = self.server.token
        uid = self.employee.id
        queued = self.xmlrpc_object.execute(
            self.env.cr.dbname,
            uid,
            "gemma_rpc_employee",
            "gov.contact.moment",
            "action_zgw_retry",
            [moment.id],
        )
        self.assertEqual(queued, 1)
        self.assertEqual(moment.zgw_state, "pending")
