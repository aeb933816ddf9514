from odoo.tests import new_test_user

from .common import GovAddressbookCase

# Valid BSNs (eleven test), made up for the tests.
BSN_ANNA = "111222333"
BSN_KEES = "123456782"
BSN_ELS = "999999990"


class GovPrivacyCase(GovAddressbookCase):
    """Personas and citizens for the privacy (AVG) tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bsn_clerk = new_test_user(
            cls.env,
            "gov_bsn_clerk",
            groups="gov_addressbook.group_user,gov_addressbook.group_bsn_access,"
            "base.group_partner_manager,base.group_allow_export",
        )
        cls.export_clerk = new_test_user(
            cls.env,
            "gov_export_clerk",
            groups="gov_addressbook.group_user,base.group_allow_export",
        )
        cls.privacy_officer = new_test_user(
            cls.env,
            "gov_privacy_officer",
            groups="gov_addressbook.group_privacy_officer,base.group_allow_export",
        )
        cls.Log = cls.env["gov.processing.log"]
        cls.anna, cls.kees, cls.els = cls.Partner.create(
            [
                {"name": "Anna Visser", "gov_party_type": "citizen", "bsn": BSN_ANNA},
                {"name": "Kees Bakker", "gov_party_type": "citizen", "bsn": BSN_KEES},
                {"name": "Els Smit", "gov_party_type": "citizen", "bsn": BSN_ELS},
            ]
        )
        cls.citizens = cls.anna | cls.kees | cls.els

    def _log_lines(self, **filters):
        domain = [(name, "=", value) for name, value in filters.items()]
        return self.Log.search(domain, order="id")
