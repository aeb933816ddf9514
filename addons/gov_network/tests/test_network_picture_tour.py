from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestNetworkPictureTour(HttpCase):
    def test_project_picture_opens_partner(self):
        user = new_test_user(
            self.env, "tour_picture", groups="gov_addressbook.group_user"
        )
        Partner = self.env["res.partner"]
        town = Partner.create({"name": "Tourgemeente Rijnbrug", "is_company": True})
        board = Partner.create({"name": "Tourwaterschap Rijnbrug", "is_company": True})
        alderman = Partner.create({"name": "Tourwethouder Rijnbrug"})
        leader = Partner.create({"name": "Tourprojectleider Rijnbrug"})

        def relate(left, xmlid, right):
            self.env["res.partner.relation"].create(
                {
                    "left_partner_id": left.id,
                    "type_id": self.env.ref(f"gov_network.{xmlid}").id,
                    "right_partner_id": right.id,
                }
            )

        relate(alderman, "relation_type_alderman", town)
        relate(town, "relation_type_project_partner", board)
        relate(leader, "relation_type_works_at", board)
        relate(user.partner_id, "relation_type_knows", leader)
        self.env["gov.network"].create(
            {
                "name": "Tourproject Rijnbrug",
                "kind": "project",
                "user_ids": [(6, 0, user.ids)],
                "member_ids": [
                    (0, 0, {"partner_id": town.id, "owner_id": user.id}),
                    (0, 0, {"partner_id": board.id, "owner_id": user.id}),
                ],
            }
        )
        self.start_tour("/odoo", "gov_network_project_picture", login="tour_picture")
