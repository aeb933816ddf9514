from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.tools.misc import clean_context

from ..network_rules import (
    KNOWS_SCOPE_ORGANISATIONS,
    makes_acquaintance,
    relation_level,
    strength_for_count,
)

SYNC_FIELDS = {"user_id", "partner_id", "occurred_at", "confidentiality"}


class GovContactMoment(models.Model):
    _inherit = "gov.contact.moment"

    @api.model_create_multi
    def create(self, vals_list):
        moments = super().create(vals_list)
        self.env["gov.network.knows.queue"]._gov_enqueue(moments._gov_knows_pairs())
        return moments

    def write(self, vals):
        if not SYNC_FIELDS & vals.keys():
            return super().write(vals)
        pairs = self._gov_knows_pairs()
        result = super().write(vals)
        self.env["gov.network.knows.queue"]._gov_enqueue(
            pairs | self._gov_knows_pairs()
        )
        return result

    def _gov_knows_pairs(self):
        """``{(user_id, partner_id)}`` of internal employees and their contacts.

        Moments without an employee, of portal users, of the technical
        superuser (imports, crons) and mass sends say nothing about who knows
        whom. Which of these pairs make "knows" is decided when the queue is
        applied (see _gov_acquainted_pairs), so that saving stays cheap.
        """
        return {
            (moment.user_id.id, moment.partner_id.id)
            for moment in self.sudo()
            if moment.user_id
            and not moment.is_bulk
            and moment.user_id.id != SUPERUSER_ID
            and not moment.user_id.share
            and moment.user_id.partner_id != moment.partner_id
        }

    @api.model
    def _gov_acquainted_pairs(self, pairs):
        """The ``pairs`` that make "knows" under the settings of gov_network:
        by default not contacts with citizens and persons without an
        organisation, nor contacts registered by the front desk."""
        settings = self.env["res.config.settings"]
        # sudo: reads one configuration value, nothing of the user's data.
        scope = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(settings.KNOWS_SCOPE_PARAM, KNOWS_SCOPE_ORGANISATIONS)
        )
        excluded = settings._gov_knows_excluded_group()
        # sudo: the queue's cron reads users' groups and partners' types only.
        users = self.env["res.users"].sudo().browse({user for user, _p in pairs})
        partners = self.env["res.partner"].sudo().browse({p for _u, p in pairs})
        users_out = {user.id for user in users if excluded & user.all_group_ids}
        partners_in = {
            partner.id
            for partner in partners
            if makes_acquaintance(
                scope,
                partner.gov_party_type,
                partner.is_company,
                partner.commercial_partner_id.is_company,
            )
        }
        return {
            (user_id, partner_id)
            for user_id, partner_id in pairs
            if user_id not in users_out and partner_id in partners_in
        }

    @api.model
    def _gov_apply_knows_pairs(self, pairs):
        """Create or update "colleague knows contact" for ``pairs``
        (run by the queue's cron, see gov.network.knows.queue).

        Counting runs as superuser: strength and last contact reflect every
        moment of the pair, also confidential ones the current user cannot
        read; only these two figures (and the level of a new relation) are
        written, on the pairs of moments that were just saved. The existing
        relations are searched as superuser too, so that a relation hidden
        from the current user is updated rather than duplicated.
        """
        knows = self.env.ref(
            "gov_network.relation_type_knows", raise_if_not_found=False
        )
        pairs = self._gov_acquainted_pairs(pairs) if knows else set()
        if not pairs:
            return
        user_ids = {user_id for user_id, _partner_id in pairs}
        partner_ids = {partner_id for _user_id, partner_id in pairs}
        groups = (
            self.env["gov.contact.moment"]
            .sudo()
            ._read_group(
                [
                    ("user_id", "in", list(user_ids)),
                    ("partner_id", "in", list(partner_ids)),
                ],
                groupby=["user_id", "partner_id", "confidentiality"],
                aggregates=["__count", "occurred_at:max", "occurred_at:min"],
            )
        )
        stats = {}
        for user, partner, level, count, last, first in groups:
            key = (user.partner_id.id, partner.id)
            if (user.id, partner.id) not in pairs:
                continue
            entry = stats.setdefault(
                key, {"count": 0, "levels": set(), "dates": [], "user_id": user.id}
            )
            entry["count"] += count
            entry["levels"].add(level)
            entry["dates"] += [first, last]
        if stats:
            self._gov_apply_knows(knows, stats)

    def _gov_apply_knows(self, knows, stats):
        # sudo: see _gov_apply_knows_pairs; the values come from the moments above.
        # The context is replaced, not merged: the caller's default_* keys must not
        # reach the relations.
        Relation = (
            # pylint: disable-next=context-overridden
            self.env["res.partner.relation"]
            .sudo()
            .with_context(clean_context(self.env.context))
        )
        partner_ids = list({pid for pair in stats for pid in pair})
        existing = Relation.search(
            [
                ("type_id", "=", knows.id),
                ("left_partner_id", "in", partner_ids),
                ("right_partner_id", "in", partner_ids),
            ]
        )
        today = fields.Date.context_today(self)
        current, ended = {}, {}
        for relation in existing:
            for key in (
                (relation.left_partner_id.id, relation.right_partner_id.id),
                (relation.right_partner_id.id, relation.left_partner_id.id),
            ):
                if key not in stats:
                    continue
                if relation.date_end and relation.date_end < today:
                    ended[key] = max(
                        ended.get(key, relation.date_end), relation.date_end
                    )
                else:
                    current.setdefault(key, relation)
        to_write, to_create = {}, {}
        for key, entry in stats.items():
            strength = strength_for_count(entry["count"])
            last = fields.Date.context_today(self, max(entry["dates"]))
            if key in current:
                relation = current[key]
                # Unchanged figures are not written: most moments change
                # nothing, and a write is what makes saves collide.
                if (relation.strength, relation.last_contact_date) != (strength, last):
                    to_write.setdefault((strength, last), Relation)
                    to_write[(strength, last)] |= relation
                continue
            start = fields.Date.context_today(self, min(entry["dates"]))
            if key in ended:
                start = max(start, ended[key] + timedelta(days=1))
            to_create.setdefault(entry["user_id"], []).append(
                {
                    "left_partner_id": key[0],
                    "right_partner_id": key[1],
                    "type_id": knows.id,
                    "date_start": min(start, today),
                    "strength": strength,
                    "last_contact_date": last,
                    "confidentiality": relation_level(entry["levels"]),
                    "source": self.env._("Contact moments"),
                }
            )
        for (strength, last), relations in to_write.items():
            relations.write({"strength": strength, "last_contact_date": last})
        for user_id, vals_list in to_create.items():
            # As the colleague (still sudo): they registered the contacts, and
            # a confidential relation is visible to its creator.
            Relation.with_user(user_id).sudo().create(vals_list)
