from odoo import api, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from ..network_rules import rank_key
from ..network_sql import introduction_paths_sql

MAX_DEPTH_LIMIT = 6


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
    def find_introduction_path(self, target_partner_id, max_depth=4, limit=50):
        """Shortest chains of partner ids from the current user to the target.

        Only active relations (valid today) that the user may see are walked.

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
        relation_query = Relation._search(domain)
        if relation_query.is_empty():
            return []
        rows = self.env.execute_query(
            introduction_paths_sql(
                relation_query, source_id, target_id, max_depth, int(limit)
            )
        )
        return [list(path) for path, _length in rows]

    @api.model
    def who_knows(self, partner_id):
        """Colleagues who know a partner, directly or through its people.

        A colleague knows X directly through any valid relation between the
        colleague's own partner and X, or indirectly by knowing someone with an
        affiliation to X (works at, board member of...). Only relations the
        current user may see count.

        :return: list of dicts (``user_id``, ``partner_id`` of the colleague,
            ``strength``, ``last_contact_date``, ``chain`` of partner ids from
            colleague to X, ``relation_ids`` along the chain), best first:
            strongest, then most recent contact, then shortest chain
        """
        target_id = int(partner_id)
        Relation, domain = self._gov_visible_relations()
        direct = Relation.search(domain & Domain("any_partner_id", "=", target_id))
        candidates = []
        for relation in direct:
            other = relation._gov_other_side(target_id)
            if other != target_id:
                candidates.append((other, [other, target_id], relation, relation))
        affiliations = Relation.search(
            domain
            & Domain("right_partner_id", "=", target_id)
            & Domain("type_id.gov_is_affiliation", "=", True)
        )
        member_of = {rel.left_partner_id.id: rel for rel in affiliations}
        knows = self.env.ref(
            "gov_network.relation_type_knows", raise_if_not_found=False
        )
        if member_of and knows:
            acquaintances = Relation.search(
                domain
                & Domain("type_id", "=", knows.id)
                & Domain("any_partner_id", "in", list(member_of))
            )
            for relation in acquaintances:
                for member_id in (
                    relation.left_partner_id.id,
                    relation.right_partner_id.id,
                ):
                    other = relation._gov_other_side(member_id)
                    if member_id in member_of and other not in (member_id, target_id):
                        candidates.append(
                            (
                                other,
                                [other, member_id, target_id],
                                relation,
                                member_of[member_id],
                            )
                        )
        return self._gov_rank_colleagues(candidates)

    @api.model
    def _gov_rank_colleagues(self, candidates):
        """Keep the best chain per colleague and sort them, best first.

        :param candidates: ``(colleague_partner_id, chain, first_hop, last_hop)``
            tuples; the first hop is the colleague's own relation, whose
            strength and last contact rank the chain
        """
        users = self.env["res.users"].search(
            [
                ("partner_id", "in", list({c[0] for c in candidates})),
                ("share", "=", False),
            ]
        )
        user_by_partner = {user.partner_id.id: user for user in users}
        best = {}
        for colleague_id, chain, first_hop, last_hop in candidates:
            user = user_by_partner.get(colleague_id)
            if not user:
                continue
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
                "relation_ids": list(dict.fromkeys([first_hop.id, last_hop.id])),
            }
        ranked = sorted(
            best.values(),
            key=lambda entry: (entry["key"], -entry["user_id"]),
            reverse=True,
        )
        for entry in ranked:
            del entry["key"]
        return ranked

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
