import socket

from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

from .zgw_fixtures import ZgwWorld
from .zgw_server import ZgwTestServer

BSN = "999993653"
OTHER_BSN = "123456782"
KVK = "12345678"
ESTABLISHMENT = "000012345678"
RSIN = "002564440"
ROLE_BSN = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"
ROLE_KVK = "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer"
ROLE_VESTIGING = "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer"
ROLE_RSIN = "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId"


def free_port():
    """A local port with nothing listening on it (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_services(env, server):
    """Zaken and Catalogi connections to ``server`` (others are archived)."""
    Service = env["gov.zgw.service"]
    # Demo connections (if any) must not take part in the tests.
    Service.search([]).write({"active": False})
    common = {
        "auth_type": "jwt",
        "client_id": server.client_id,
        "secret": server.secret,
        "timeout": 10,
    }
    zaken = Service.create(
        {
            "name": "Test Zaken",
            "api_type": "zaken",
            "base_url": f"{server.base}/zaken/api/v1",
            "api_version": "1.5.1",
            **common,
        }
    )
    catalogi = Service.create(
        {
            "name": "Test Catalogi",
            "api_type": "catalogi",
            "base_url": f"{server.base}/catalogi/api/v1",
            **common,
        }
    )
    return zaken, catalogi


class GemmaSyncCase(TransactionCase):
    """Personas, a local spec-validating ZGW server and services pointing at it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ZgwTestServer().start()
        cls.addClassCleanup(cls.server.stop)
        cls.reader = new_test_user(
            cls.env, "gemma_reader", groups="gov_addressbook.group_reader"
        )
        cls.employee = new_test_user(
            cls.env, "gemma_employee", groups="gov_addressbook.group_user"
        )
        cls.admin = new_test_user(
            cls.env,
            "gemma_admin",
            groups="base.group_system,gov_addressbook.group_manager",
        )
        cls.zaken_service, cls.catalogi_service = make_services(cls.env, cls.server)
        Partner = cls.env["res.partner"]
        cls.citizen = Partner.create(
            {"name": "Jan Burger", "gov_party_type": "citizen", "bsn": BSN}
        )
        cls.company = Partner.create(
            {
                "name": "Bakkerij De Korst BV",
                "is_company": True,
                "gov_party_type": "company",
                "kvk_number": KVK,
                "establishment_number": ESTABLISHMENT,
                "rsin": RSIN,
            }
        )

    def setUp(self):
        super().setUp()
        server = self.server
        server.world = ZgwWorld(server.base)
        server.fail_with = server.fail_api = None
        server.requests.clear()
        server.errors.clear()
        self.world = server.world
        self.zaaktype = self.world.add_zaaktype("Aanvraag parkeervergunning")
        self.received = self.world.add_statustype(
            self.zaaktype, "Ontvangen", "Uw aanvraag is ontvangen."
        )
        self.decided = self.world.add_statustype(self.zaaktype, "Besloten", end=True)

    def tearDown(self):
        # Every request our client sent must have passed the official spec.
        self.assertEqual(self.server.errors, [])
        super().tearDown()

    def add_zaak(self, identificatie, roles, status=None, **values):
        zaak = self.world.add_zaak(identificatie, self.zaaktype, roles, **values)
        if status:
            self.world.set_status(zaak, status)
        return zaak

    def requests_to(self, api, prefix):
        return [
            r for r in self.server.requests if r[0] == api and r[2].startswith(prefix)
        ]
