from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BSN, ROLE_BSN, GemmaSyncCase


@tagged("post_install", "-at_install")
class TestAccess(GemmaSyncCase):
    def test_reader_sees_service_but_not_secret(self):
        service = self.zaken_service.with_user(self.reader)
        self.assertEqual(service.base_url, self.zaken_service.base_url)
        with self.assertRaises(AccessError):
            service.read(["secret"])
        fields = self.env["gov.zgw.service"].with_user(self.reader).fields_get()
        self.assertNotIn("secret", fields)

    def test_only_administrators_manage_services(self):
        for user in (self.reader, self.employee):
            Service = self.env["gov.zgw.service"].with_user(user)
            with self.assertRaises(AccessError):
                Service.create(
                    {"name": "X", "api_type": "zaken", "base_url": "https://x.example"}
                )
            with self.assertRaises(AccessError):
                self.zaken_service.with_user(user).write({"timeout": 1})
        service = (
            self.env["gov.zgw.service"]
            .with_user(self.admin)
            .create({"name": "X", "api_type": "zaken", "base_url": "https://x.example"})
        )
        service.secret = "admin-only"
        self.assertEqual(service.secret, "admin-only")

    def test_reader_cannot_sync_but_reads_cases(self):
        self.add_zaak("ZAAK-1", {ROLE_BSN: [BSN]})
        with self.assertRaises(AccessError):
            self.citizen.with_user(self.reader).action_sync_zaken()
        self.assertEqual(self.server.requests, [])
        # An employee without BSN access may still refresh a citizen's cases.
        self.assertFalse(self.employee.has_group("gov_addressbook.group_bsn_access"))
        self.citizen.with_user(self.employee).action_sync_zaken()
        zaken = (
            self.env["gov.zaak"]
            .with_user(self.reader)
            .search([("partner_ids", "in", self.citizen.id)])
        )
        self.assertEqual(zaken.mapped("identificatie"), ["ZAAK-1"])
        with self.assertRaises(AccessError):
            zaken.with_user(self.reader).write({"omschrijving": "changed"})
        with self.assertRaises(AccessError):
            zaken.with_user(self.employee).unlink()

    def test_notifications_and_callback_secret_are_for_administrators(self):
        Notification = self.env["gov.zgw.notification"]
        for user in (self.reader, self.employee):
            with self.assertRaises(AccessError):
                Notification.with_user(user).search([])
            with self.assertRaises(AccessError):
                self.zaken_service.with_user(user).read(["callback_auth"])
        self.assertEqual(Notification.with_user(self.admin).search([]), Notification)
