from datetime import date, datetime

from odoo.addons.gov_addressbook.tests.retention_common import RetentionMixin
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestCaseRetention(RetentionMixin, TransactionCase):
    """Local copies of closed cases end their term; an open case keeps
    everything about its relations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._gov_retention_setup()
        Partner = cls.env["res.partner"]
        cls.anna = Partner.create({"name": "Anna Visser", "gov_party_type": "citizen"})
        cls.kees = Partner.create({"name": "Kees Bakker", "gov_party_type": "citizen"})
        cls.Zaak = cls.env["gov.zaak"]

    def _zaak(self, number, partner, einddatum=False):
        return self.Zaak.create(
            {
                "url": f"https://zaken.example.nl/zaken/api/v1/zaken/{number}",
                "identificatie": number,
                "einddatum": einddatum,
                "partner_ids": [(4, partner.id)],
            }
        )

    def test_closed_case_copy_goes_open_case_copy_stays(self):
        self._rule("zaak", "einddatum", term=3, unit="months")
        closed = self._zaak("ZAAK-1", self.kees, date(2025, 1, 10))
        open_case = self._zaak("ZAAK-2", self.anna)
        self._run(date(2025, 4, 10))
        self.assertTrue(closed.exists(), "three months not yet over")
        self._run(date(2025, 4, 11))
        self.assertFalse(closed.exists())
        self._run(date(2040, 1, 1))
        self.assertTrue(open_case.exists())

    def test_open_case_keeps_the_relations_contact_moments(self):
        self._rule("contact_moment", "occurred_at")
        zaak = self._zaak("ZAAK-3", self.anna)
        Moment = self.env["gov.contact.moment"]
        old = {"occurred_at": datetime(2020, 1, 1), "subject": "Vergunning"}
        anna_moment = Moment.create({**old, "partner_id": self.anna.id})
        kees_moment = Moment.create({**old, "partner_id": self.kees.id})
        self._run(date(2026, 1, 1))
        self.assertTrue(anna_moment.exists())
        self.assertFalse(kees_moment.exists())
        zaak.einddatum = date(2025, 12, 1)
        self._run(date(2026, 1, 1))
        self.assertFalse(anna_moment.exists())
