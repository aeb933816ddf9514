from odoo import api, models


class ResPartner(models.Model):
    """The network's places of personal data (see gov_addressbook's registry).

    Who knows whom, and why, is personal data of both sides: an anonymised
    relation leaves every network, since a link to an employer or a colleague
    would tell who it was.
    """

    _inherit = "res.partner"

    @api.model
    def _gov_personal_data_places(self):
        _ = self.env._
        return [
            *super()._gov_personal_data_places(),
            {
                "key": "gov_network.relation",
                "model": "res.partner.relation",
                "label": _("Network relations"),
                "find": "_gov_find_network_relations",
                "fields": [
                    "left_partner_id",
                    "type_id",
                    "right_partner_id",
                    "date_start",
                    "date_end",
                    "context",
                    "source",
                    "confidentiality",
                ],
                "erase": "delete",
            },
            {
                "key": "gov_network.member",
                "model": "gov.network.member",
                "label": _("Key relation of networks"),
                "find": "partner_id",
                "fields": ["network_id", "owner_id", "note"],
                "erase": "delete",
            },
            {
                "key": "gov_network.knows_queue",
                "model": "gov.network.knows.queue",
                "label": _("Pending 'knows' relations"),
                "find": "partner_id",
                "fields": ["user_id"],
                "erase": "delete",
            },
        ]

    def _gov_find_network_relations(self, place, found):
        return (
            self.env["res.partner.relation"]
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    ("left_partner_id", "in", self.ids),
                    ("right_partner_id", "in", self.ids),
                ]
            )
        )
