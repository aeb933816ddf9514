from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class GovAddressbookCase(TransactionCase):
    """Personas shared by the address-book tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reader = new_test_user(
            cls.env, "gov_reader", groups="gov_addressbook.group_reader"
        )
        cls.employee = new_test_user(
            cls.env, "gov_employee", groups="gov_addressbook.group_user"
        )
        cls.bsn_officer = new_test_user(
            cls.env,
            "gov_bsn_officer",
            groups="gov_addressbook.group_user,gov_addressbook.group_bsn_access",
        )
        cls.plain_employee = new_test_user(
            cls.env, "gov_plain", groups="base.group_user"
        )
        cls.Partner = cls.env["res.partner"]
        cls.Moment = cls.env["gov.contact.moment"]
