import csv

from odoo import api, fields, models
from odoo.tools import file_path

REFERENCE_DIR = "gov_addressbook/data/reference"


class ResPartner(models.Model):
    """Dutch governments as reference data: provinces, municipalities, water boards."""

    _inherit = "res.partner"

    gov_province_id = fields.Many2one(
        "res.partner",
        string="Province",
        index="btree_not_null",
        domain=[("cbs_code", "=like", "PV%")],
        help="The province this municipality (or relation) lies in.",
    )

    @api.model
    def _gov_load_reference_data(self):
        """Create or update the governments from the CBS files, keyed by XML id.

        Called on install and update; existing records keep their other fields.
        """
        netherlands = self.env.ref("base.nl")
        provinces = self._gov_upsert_governments(
            [
                {"cbs_code": row["cbs_code"], "name": f"Provincie {row['name']}"}
                for row in self._gov_read_reference("nl_provinces.csv")
            ],
            netherlands,
        )
        province_by_code = {partner.cbs_code: partner.id for partner in provinces}
        self._gov_upsert_governments(
            [
                {
                    "cbs_code": row["cbs_code"],
                    "name": f"Gemeente {row['name']}",
                    "gov_province_id": province_by_code[row["province_code"]],
                }
                for row in self._gov_read_reference("nl_municipalities.csv")
            ],
            netherlands,
        )
        self._gov_upsert_governments(
            [
                {"cbs_code": row["code"], "name": row["name"]}
                for row in self._gov_read_reference("nl_water_boards.csv")
            ],
            netherlands,
        )

    @api.model
    def _gov_read_reference(self, filename):
        with open(file_path(f"{REFERENCE_DIR}/{filename}"), encoding="utf-8") as handle:
            return list(csv.DictReader(handle))

    @api.model
    def _gov_upsert_governments(self, rows, country):
        data = self.env["ir.model.data"]
        xmlids = {f"gov_government_{row['cbs_code'].lower()}": row for row in rows}
        existing = {
            imd.name: imd.res_id
            for imd in data.search(
                [("module", "=", "gov_addressbook"), ("name", "in", list(xmlids))]
            )
        }
        to_create = []
        for xmlid, row in xmlids.items():
            vals = {
                **row,
                "is_company": True,
                "gov_party_type": "government",
                "country_id": country.id,
            }
            if xmlid in existing:
                self.browse(existing[xmlid]).write(vals)
            else:
                to_create.append((xmlid, vals))
        created = self.create([vals for _xmlid, vals in to_create])
        data.create(
            [
                {
                    "module": "gov_addressbook",
                    "name": xmlid,
                    "model": "res.partner",
                    "res_id": partner.id,
                    "noupdate": True,
                }
                for (xmlid, _vals), partner in zip(to_create, created, strict=True)
            ]
        )
        return self.browse(list(existing.values())) | created
