from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import GovNetworkCase


@tagged("post_install", "-at_install")
class TestGovNetwork(GovNetworkCase):
    """Team and project networks: key relations, access and the picture."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.town = cls.organisation("Gemeente Teamstad")
        cls.board = cls.organisation("Waterschap Teamstad")
        cls.network = (
            cls.env["gov.network"]
            .with_user(cls.employee)
            .create(
                {
                    "name": "Dijkversterking",
                    "kind": "project",
                    "user_ids": [(6, 0, (cls.employee | cls.colleague).ids)],
                    "member_ids": [
                        (0, 0, {"partner_id": cls.town.id, "note": "Co-financier"}),
                        (0, 0, {"partner_id": cls.board.id}),
                    ],
                }
            )
        )

    def test_members_are_owned_by_their_creator(self):
        members = self.network.member_ids
        self.assertEqual(members.partner_id, self.town | self.board)
        self.assertEqual(members.owner_id, self.employee)
        self.assertEqual(self.network.member_count, 2)

    def test_picture_action_covers_all_key_partners(self):
        action = self.network.with_user(self.reader).action_open_network_picture()
        self.assertEqual(action["type"], "ir.actions.client")
        self.assertEqual(action["tag"], "gov_network.network_picture")
        self.assertEqual(
            sorted(action["params"]["partner_ids"]),
            sorted((self.town | self.board).ids),
        )
        self.assertEqual(action["params"]["depth"], 1)
        partner_action = self.town.with_user(self.reader).action_gov_network_picture()
        self.assertEqual(partner_action["params"]["partner_ids"], [self.town.id])

    def test_access(self):
        as_reader = self.network.with_user(self.reader)
        self.assertEqual(as_reader.name, "Dijkversterking")
        with self.assertRaises(AccessError):
            as_reader.write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.env["gov.network.member"].with_user(self.reader).create(
                {"network_id": self.network.id, "partner_id": self.town.id}
            )
        with self.assertRaises(AccessError):
            self.network.with_user(self.employee).unlink()
        self.network.member_ids[:1].with_user(self.colleague).unlink()
        self.assertEqual(self.network.member_ids.partner_id, self.board)
        self.network.with_user(self.manager).unlink()
        self.assertFalse(self.network.exists())
