from datetime import date, timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from .common import BSN, ROLE_BSN, make_services
from .zgw_server import ZgwTestServer


@tagged("post_install", "-at_install")
class TestCasesTour(HttpCase):
    def test_employee_refreshes_cases_from_the_partner_form(self):
        server = ZgwTestServer().start()
        self.addCleanup(server.stop)
        make_services(self.env, server)
        world = server.world
        zaaktype = world.add_zaaktype("Aanvraag parkeervergunning")
        received = world.add_statustype(
            zaaktype, "Ontvangen", "Uw aanvraag is ontvangen."
        )
        late = (date.today() - timedelta(days=3)).isoformat()
        zaak = world.add_zaak(
            "ZAAK-TOUR-1",
            zaaktype,
            {ROLE_BSN: [BSN]},
            uiterlijkeEinddatumAfdoening=late,
        )
        world.set_status(zaak, received)
        world.add_zaak("ZAAK-TOUR-2", zaaktype, {ROLE_BSN: [BSN]})
        citizen = self.env["res.partner"].create(
            {"name": "Tineke Zaakmans", "gov_party_type": "citizen", "bsn": BSN}
        )
        new_test_user(
            self.env, "tour_case_employee", groups="gov_addressbook.group_user"
        )
        self.start_tour(
            f"/odoo/res.partner/{citizen.id}",
            "gov_gemma_sync_refresh_cases",
            login="tour_case_employee",
        )
        self.assertEqual(
            sorted(citizen.zaak_ids.mapped("identificatie")),
            ["ZAAK-TOUR-1", "ZAAK-TOUR-2"],
        )
        self.assertEqual(server.errors, [])
