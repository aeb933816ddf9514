from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class GovCampagneCase(TransactionCase):
    """Personas and a small address book shared by the campaign tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.communication = new_test_user(
            cls.env,
            "gov_communication",
            groups="gov_campagne.group_communication",
            email="woordvoerder@provincie.example",
        )
        cls.reader = new_test_user(
            cls.env, "gov_campagne_reader", groups="gov_addressbook.group_reader"
        )
        Partner = cls.env["res.partner"]
        # Every test relation carries this tag, so demo data never changes a count.
        cls.tag = cls.env["res.partner.category"].create({"name": "Campagne test"})
        press = {"gov_party_type": "press", "category_id": [(6, 0, cls.tag.ids)]}
        cls.journalist = Partner.create(
            {**press, "name": "Journalist Ok", "email": "ok@krant.example"}
        )
        cls.journalist_two = Partner.create(
            {**press, "name": "Journalist Two", "email": "two@omroep.example"}
        )
        cls.do_not_contact = Partner.create(
            {**press, "name": "Journalist Nee", "email": "nee@krant.example"}
        )
        cls.do_not_contact.gov_do_not_contact = True
        cls.deceased = Partner.create(
            {**press, "name": "Journalist Overleden", "email": "rip@krant.example"}
        )
        cls.deceased.gov_deceased = True
        cls.blacklisted = Partner.create(
            {**press, "name": "Journalist Blacklist", "email": "Bl@Krant.example"}
        )
        cls.env["mail.blacklist"].create({"email": "bl@krant.example"})
        cls.no_email = Partner.create({**press, "name": "Journalist Zonder Mail"})
        cls.archived = Partner.create(
            {**press, "name": "Journalist Archief", "email": "old@krant.example"}
        )
        cls.archived.active = False
        cls.citizen = Partner.create(
            {
                "name": "Burger Ok",
                "email": "burger@example.nl",
                "gov_party_type": "citizen",
                "category_id": [(6, 0, cls.tag.ids)],
            }
        )
        cls.tag_domain = f"[('category_id', 'in', [{cls.tag.id}])]"
        cls.press_domain = (
            f"[('category_id', 'in', [{cls.tag.id}]), ('gov_party_type', '=', 'press')]"
        )
        cls.Campaign = cls.env["gov.campaign"].with_user(cls.communication)
        cls.Release = cls.env["gov.press.release"].with_user(cls.communication)
        cls.Moment = cls.env["gov.contact.moment"]
        cls.reachable_press = cls.journalist | cls.journalist_two
