from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFrontDeskRelationsTour(HttpCase):
    """Issue 16 items 2, 6 and 13, in Dutch, as a front-desk employee: the
    picker tells two namesakes apart and turns a typed postcode into a
    postcode; the relation opens on its read-only Timeline; the search box
    says what it finds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("nl_NL")
        cls.env["ir.module.module"]._load_module_terms(
            ["web", "gov_addressbook", "helpdesk_mgmt", "gov_loket"],
            ["nl_NL"],
            overwrite=True,
        )
        cls.front_desk = new_test_user(
            cls.env,
            "tour_picker_desk",
            groups="gov_loket.group_front_desk",
            lang="nl_NL",
        )
        Partner = cls.env["res.partner"]
        cls.fatima_street = Partner.create(
            {
                "name": "Fatima Tourhouda",
                "gov_party_type": "citizen",
                "street": "Tourstraat 12",
                "zip": "2312 AB",
                "city": "Leiden",
            }
        )
        cls.fatima_mail = Partner.create(
            {
                "name": "Fatima Tourhouda",
                "gov_party_type": "citizen",
                "email": "fatima@tour.example",
            }
        )
        cls.env["gov.contact.moment"].create(
            {
                "partner_id": cls.fatima_street.id,
                "subject": "Vraag over de toeslag",
                "channel": "phone",
                "user_id": cls.front_desk.id,
            }
        )

    def test_picker_tells_namesakes_apart_and_creates_from_a_postcode(self):
        self.start_tour(
            "/odoo/loket-register",
            "gov_loket_relation_picker",
            login="tour_picker_desk",
        )
        created = self.env["res.partner"].search([("lastname", "=", "Tourman")])
        self.assertEqual(created.zip, "8011 AB")
        self.assertFalse(
            self.env["res.partner"].search([("name", "ilike", "8011ab")]),
            "no relation is named after a postcode",
        )

    def test_relation_opens_on_read_only_timeline(self):
        self.start_tour(
            f"/odoo/relations/{self.fatima_street.id}",
            "gov_loket_relation_timeline",
            login="tour_picker_desk",
        )
