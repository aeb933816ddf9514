"""Merge duplicated open relations before the unique index is created.

Concurrent saves could create the same "colleague knows contact" relation two
or more times. The oldest row of each group is kept, with the highest strength,
the latest contact and the earliest start of the group; the others go.
"""

from odoo.tools import SQL


def merge_duplicate_open_relations(cr):
    cr.execute(
        SQL(
            """
            WITH groups AS (
                SELECT MIN(id) AS keep_id, ARRAY_AGG(id) AS ids,
                       MAX(strength) AS strength,
                       MAX(last_contact_date) AS last_contact_date,
                       MIN(date_start) AS date_start
                  FROM res_partner_relation
                 WHERE date_end IS NULL
              GROUP BY left_partner_id, right_partner_id, type_id
                HAVING COUNT(*) > 1
            ), kept AS (
                UPDATE res_partner_relation relation
                   SET strength = groups.strength,
                       last_contact_date = groups.last_contact_date,
                       date_start = groups.date_start
                  FROM groups
                 WHERE relation.id = groups.keep_id
            )
            DELETE FROM res_partner_relation
             USING groups
             WHERE res_partner_relation.id = ANY(groups.ids)
               AND res_partner_relation.id != groups.keep_id
            """
        )
    )
    return cr.rowcount


def migrate(cr, version):
    if version:
        merge_duplicate_open_relations(cr)
