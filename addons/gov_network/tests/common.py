from datetime import date, timedelta

from odoo import fields
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class GovNetworkCase(TransactionCase):
    """Personas and a small helper to draw relations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reader = new_test_user(
            cls.env, "net_reader", groups="gov_addressbook.group_reader", tz="UTC"
        )
        cls.employee = new_test_user(
            cls.env, "net_employee", groups="gov_addressbook.group_user", tz="UTC"
        )
        cls.colleague = new_test_user(
            cls.env, "net_colleague", groups="gov_addressbook.group_user", tz="UTC"
        )
        cls.manager = new_test_user(
            cls.env, "net_manager", groups="gov_addressbook.group_manager", tz="UTC"
        )
        cls.Partner = cls.env["res.partner"]
        cls.Relation = cls.env["res.partner.relation"]
        cls.Moment = cls.env["gov.contact.moment"]
        cls.today = fields.Date.context_today(cls.Partner)
        cls.yesterday = cls.today - timedelta(days=1)
        cls.tomorrow = cls.today + timedelta(days=1)
        cls.type_knows = cls.env.ref("gov_network.relation_type_knows")
        cls.type_works_at = cls.env.ref("gov_network.relation_type_works_at")
        cls.type_adviser = cls.env.ref("gov_network.relation_type_adviser")

    @classmethod
    def person(cls, name):
        return cls.Partner.create({"name": name, "is_company": False})

    @classmethod
    def organisation(cls, name):
        return cls.Partner.create(
            {"name": name, "is_company": True, "gov_party_type": "government"}
        )

    @classmethod
    def relate(cls, left, rel_type, right, **values):
        """Create a relation as the test superuser (``values`` override)."""
        return cls.Relation.create(
            {
                "left_partner_id": left.id,
                "type_id": rel_type.id,
                "right_partner_id": right.id,
                **values,
            }
        )

    @staticmethod
    def noon(day):
        return fields.Datetime.to_datetime(day) + timedelta(hours=12)

    @staticmethod
    def day(year, month, dom):
        return date(year, month, dom)
