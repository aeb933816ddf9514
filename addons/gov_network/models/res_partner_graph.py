from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

from ..network_graph import (
    MAX_GRAPH_NODES,
    clamp_depth,
    edges_within,
    next_ring,
    node_kind,
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def gov_network_graph(
        self, partner_ids, depth=2, relation_type_ids=None, date=None
    ):
        """Nodes and edges of the network around one or more partners.

        The picture grows ring by ring from the given partners over the same
        allowed relations as ``find_introduction_path`` (record rules applied,
        valid on ``date``, today by default), optionally only of the given
        relation types, ``depth`` (1-3) relations deep and at most
        ``MAX_GRAPH_NODES`` partners big. Partners the user may not read are
        left out together with their edges.

        :return: dict with ``nodes`` (``id``, ``label``, ``kind``: person,
            organisation or colleague, ``seed``), ``edges`` (``id``,
            ``source``, ``target``, ``label``: the relation type name,
            ``type_id``), ``truncated`` and ``relation_types`` (``id``,
            ``name`` of every type, for the filter)
        """
        if isinstance(partner_ids, int):
            partner_ids = [partner_ids]
        seeds = self.search([("id", "in", [int(pid) for pid in partner_ids or []])])
        extra = None
        if relation_type_ids:
            extra = Domain("type_id", "in", [int(tid) for tid in relation_type_ids])
        day = fields.Date.to_date(date) if date else None
        Relation, domain = self._gov_visible_relations(extra, day)
        seen = set(seeds.ids)
        frontier = set(seen)
        edges = {}
        truncated = False
        for _ring in range(clamp_depth(depth)):
            if not frontier:
                break
            rows = self._gov_graph_edges(Relation, domain, frontier)
            edges.update((row[0], row) for row in rows)
            new_ids, truncated = next_ring(rows, seen, MAX_GRAPH_NODES - len(seen))
            seen.update(new_ids)
            frontier = set(new_ids)
            if truncated:
                break
        if frontier:
            # relations among the outermost ring itself
            rows = self._gov_graph_edges(Relation, domain, frontier)
            edges.update((row[0], row) for row in rows)
        return self._gov_graph_payload(seeds, seen, edges.values(), truncated)

    @api.model
    def _gov_graph_edges(self, Relation, domain, partner_ids):
        """``(id, left, right, type)`` of allowed relations touching the partners."""
        ids = list(partner_ids)
        touching = Domain("left_partner_id", "in", ids) | Domain(
            "right_partner_id", "in", ids
        )
        query = Relation._search(domain & touching)
        if query.is_empty():
            return []
        table = query.table
        return self.env.execute_query(
            query.select(
                SQL.identifier(table, "id"),
                SQL.identifier(table, "left_partner_id"),
                SQL.identifier(table, "right_partner_id"),
                SQL.identifier(table, "type_id"),
            )
        )

    @api.model
    def _gov_graph_payload(self, seeds, node_ids, edges, truncated):
        partners = self.search_fetch(
            [("id", "in", list(node_ids))], ["display_name", "is_company"]
        )
        colleagues = self.env["res.users"].search_fetch(
            [("partner_id", "in", partners.ids), ("share", "=", False)],
            ["partner_id"],
        )
        colleague_ids = set(colleagues.partner_id.ids)
        kept = edges_within(edges, set(partners.ids))
        types = self.env["res.partner.relation.type"].search_fetch([], ["name"])
        type_names = {rel_type.id: rel_type.name for rel_type in types}
        return {
            "nodes": [
                {
                    "id": partner.id,
                    "label": partner.display_name,
                    "kind": node_kind(partner.is_company, partner.id in colleague_ids),
                    "seed": partner.id in seeds.ids,
                }
                for partner in partners
            ],
            "edges": [
                {
                    "id": rel_id,
                    "source": left,
                    "target": right,
                    "label": type_names.get(type_id, ""),
                    "type_id": type_id,
                }
                for rel_id, left, right, type_id in kept
            ],
            "truncated": truncated,
            "relation_types": [
                {"id": rel_type.id, "name": rel_type.name} for rel_type in types
            ],
        }

    def action_gov_network_picture(self):
        self.ensure_one()
        return self.env["gov.network"]._gov_picture_action(
            self.ids, self.env._("Network of %(name)s", name=self.display_name), 2
        )
