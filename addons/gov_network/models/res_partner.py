from itertools import pairwise

from odoo import api, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from ..network_rules import rank_key
from ..network_sql import hierarchy_around_sql, introduction_paths_sql

MAX_DEPTH_LIMIT = 6
# steps of the contact hierarchy in a who-knows chain (no relation row)
HOP_WORKS_AT = "works_at"
HOP_EMPLOYS = "employs"


def _is_hierarchy(hop):
    """True for a step of the contact hierarchy, False for a relation."""
    return isinstance(hop, str)


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _gov_visible_relations(self, extra_domain=None, day=None):
        """Relations valid on ``day`` (today) that the current user may read.

        The ``_search`` call applies the access rights and the record rules of
        res.partner.relation for the current user, so every caller of this
        method (SQL or ORM) only walks relations that user may see.
        """
        Relation = self.env["res.partner.relation"]
        domain = Relation._gov_valid_domain(day)
        if extra_domain:
            domain &= Domain(extra_domain)
        return Relation, domain

    @api.model
    def _gov_hierarchy_query(self):
        """The partners whose contact hierarchy the network may walk.

        Active partners the current user may read: ``_search`` applies the
        access rights and record rules of res.partner, so a path or a
        who-knows chain never passes through a partner hidden from the user.
        """
        return self.with_context(active_test=True)._search([])

    @api.model
    def find_introduction_path(self, target_partner_id, max_depth=4, limit=50):
        """Shortest chains of partner ids from the current user to the target.

        Only active relations (valid today) that the user may see are walked,
        and the contact hierarchy ("works at": a contact and its organisation,
        both ways) between partners the user may read.

        :return: list of paths (each a list of partner ids, the user's own
            partner first, the target last), several when equally short; ``[]``
            when the target cannot be reached within ``max_depth`` relations
        """
        if not 1 <= max_depth <= MAX_DEPTH_LIMIT:
            raise UserError(
                self.env._(
                    "The depth of an introduction path is between 1 and %(max)s.",
                    max=MAX_DEPTH_LIMIT,
                )
            )
        source_id = self.env.user.partner_id.id
        target_id = int(target_partner_id)
        if source_id == target_id:
            return [[source_id]]
        Relation, domain = self._gov_visible_relations()
        # the query reads the tables directly: pending ORM writes first
        Relation.flush_model()
        self.flush_model(["active", "commercial_partner_id", "parent_id", "type"])
        relation_query = Relation._search(domain)
        if relation_query.is_empty():
            relation_query = None
        rows = self.env.execute_query(
            introduction_paths_sql(
                relation_query,
                self._gov_hierarchy_query(),
                source_id,
                target_id,
                max_depth,
                int(limit),
            )
        )
        return [list(path) for path, _length in rows]

    @api.model
    def who_knows(self, partner_id):
        """Colleagues who know a partner, directly or through its people.

        A colleague knows X directly through any valid relation between the
        colleague's own partner and X, or indirectly by knowing someone with an
        affiliation to X (works at, board member of...), someone who is a
        contact of X in the contact hierarchy, or, when X is a contact, X's
        organisation. Only relations the current user may see and partners
        the user may read count.

        :return: list of dicts (``user_id``, ``partner_id`` of the colleague,
            ``strength``, ``last_contact_date``, ``chain`` of partner ids from
            colleague to X, ``relation_ids`` along the chain, ``hops``: per
            step of the chain the ``relation_id`` (``False`` for a step of the
            contact hierarchy) and its ``label``), best first: strongest, then
            most recent contact, then shortest chain
        """
        target_id = int(partner_id)
        Relation, domain = self._gov_visible_relations()
        direct = Relation.search(domain & Domain("any_partner_id", "=", target_id))
        candidates = []
        for relation in direct:
            other = relation._gov_other_side(target_id)
            if other != target_id:
                candidates.append((other, [other, target_id], [relation]))
        affiliations = Relation.search(
            domain
            & Domain("right_partner_id", "=", target_id)
            & Domain("type_id.gov_is_affiliation", "=", True)
        )
        # the step from the known person to X: an affiliation relation, or
        # the contact hierarchy (the person works at X, or X works there)
        last_hop = {rel.left_partner_id.id: rel for rel in affiliations}
        people, organisations = self._gov_hierarchy_around(target_id)
        for person_id in people:
            last_hop.setdefault(person_id, HOP_WORKS_AT)
        for organisation_id in organisations:
            last_hop.setdefault(organisation_id, HOP_EMPLOYS)
        knows = self.env.ref(
            "gov_network.relation_type_knows", raise_if_not_found=False
        )
        if last_hop and knows:
            acquaintances = Relation.search(
                domain
                & Domain("type_id", "=", knows.id)
                & Domain("any_partner_id", "in", list(last_hop))
            )
            for relation in acquaintances:
                for known_id in (
                    relation.left_partner_id.id,
                    relation.right_partner_id.id,
                ):
                    other = relation._gov_other_side(known_id)
                    if known_id in last_hop and other not in (known_id, target_id):
                        candidates.append(
                            (
                                other,
                                [other, known_id, target_id],
                                [relation, last_hop[known_id]],
                            )
                        )
        return self._gov_rank_colleagues(candidates)

    @api.model
    def _gov_hierarchy_around(self, partner_id):
        """The people and the organisations of a partner in the contact hierarchy.

        :return: ``(people, organisations)``: ids of the contacts whose parent
            or commercial entity is the partner, and the partner's own parent
            and commercial entity when it is a contact; only active partners
            the current user may read, and none when the partner itself is
            not one of them
        """
        self.flush_model(["active", "commercial_partner_id", "parent_id", "type"])
        rows = self.env.execute_query(
            hierarchy_around_sql(self._gov_hierarchy_query(), int(partner_id))
        )
        people = [pid for pid, is_person in rows if is_person]
        organisations = [pid for pid, is_person in rows if not is_person]
        return people, organisations

    @api.model
    def _gov_rank_colleagues(self, candidates):
        """Keep the best chain per colleague and sort them, best first.

        :param candidates: ``(colleague_partner_id, chain, hops)`` tuples; a
            hop is a relation or a step of the contact hierarchy
            (``HOP_WORKS_AT``, ``HOP_EMPLOYS``); the first hop is always the
            colleague's own relation, whose strength and last contact rank
            the chain
        """
        users = self.env["res.users"].search(
            [
                ("partner_id", "in", list({c[0] for c in candidates})),
                ("share", "=", False),
            ]
        )
        user_by_partner = {user.partner_id.id: user for user in users}
        best = {}
        for colleague_id, chain, hops in candidates:
            user = user_by_partner.get(colleague_id)
            if not user:
                continue
            first_hop = hops[0]
            key = rank_key(first_hop.strength, first_hop.last_contact_date, len(chain))
            if user.id in best and key <= best[user.id]["key"]:
                continue
            best[user.id] = {
                "key": key,
                "user_id": user.id,
                "partner_id": colleague_id,
                "strength": first_hop.strength or 0,
                "last_contact_date": first_hop.last_contact_date or False,
                "chain": chain,
                "hops": hops,
            }
        ranked = sorted(
            best.values(),
            key=lambda entry: (entry["key"], -entry["user_id"]),
            reverse=True,
        )
        for entry in ranked:
            del entry["key"]
            hops = entry.pop("hops")
            entry["relation_ids"] = list(
                dict.fromkeys(hop.id for hop in hops if not _is_hierarchy(hop))
            )
            entry["hops"] = [
                self._gov_hop_vals(hop, from_id)
                for hop, from_id in zip(hops, entry["chain"], strict=False)
            ]
        return ranked

    @api.model
    def _gov_hop_vals(self, hop, from_partner_id):
        """``relation_id`` and ``label`` of one step, read from its first partner."""
        if _is_hierarchy(hop):
            if hop == HOP_WORKS_AT:
                return {"relation_id": False, "label": self.env._("works at")}
            return {"relation_id": False, "label": self.env._("employs")}
        return {"relation_id": hop.id, "label": hop._gov_hop_label(from_partner_id)}

    @api.model
    def _gov_path_hops(self, path):
        """Labels of the steps of an introduction path, read from its start.

        A step is a visible, valid relation between the two partners (the
        oldest when there are several) or else the contact hierarchy.
        """
        Relation, domain = self._gov_visible_relations()
        partners = self.browse(path)
        labels = []
        for near, far in pairwise(partners):
            relation = Relation.search(
                domain
                & (
                    (
                        Domain("left_partner_id", "=", near.id)
                        & Domain("right_partner_id", "=", far.id)
                    )
                    | (
                        Domain("left_partner_id", "=", far.id)
                        & Domain("right_partner_id", "=", near.id)
                    )
                ),
                order="id",
                limit=1,
            )
            if not relation:
                organisations = near.parent_id | near.commercial_partner_id
                relation = HOP_WORKS_AT if far in organisations else HOP_EMPLOYS
            labels.append(self._gov_hop_vals(relation, near.id)["label"])
        return labels

    def action_gov_introduction(self):
        self.ensure_one()
        wizard = self.env["res.partner.introduction"].create({"partner_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._(
                "Through whom do I reach %(name)s?", name=self.display_name
            ),
            "res_model": "res.partner.introduction",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def action_gov_who_knows(self):
        self.ensure_one()
        wizard = self.env["res.partner.who.knows"].create({"partner_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Who knows %(name)s", name=self.display_name),
            "res_model": "res.partner.who.knows",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }
