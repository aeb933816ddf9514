"""The introduction-path query: a bidirectional breadth-first search in SQL.

The graph is whatever relation query the caller passes in (the relations the
user may see and that are valid today), taken in both directions, together
with Odoo's own contact hierarchy read as "works at": a contact is linked to
its parent and to its commercial entity, both ways, when the user may read
both partners (the partner query the caller passes in). The hierarchy is
read where it is, in res_partner, never copied into relation rows. Two
recursive walks start at the same time, one from the source and one from the
target, each at most half of ``max_depth`` deep; where they meet, their halves
make a path. Keeping only the shortest total length leaves only simple paths
(a repeated node would give a shorter one).

Each step looks up the neighbours of one node in a LATERAL subquery, so that
PostgreSQL walks the (left, right) and (right, left) indexes from the frontier
instead of hashing the whole relation table. Everything is composed with
``odoo.tools.SQL``; no SQL is built from strings.
"""

from odoo.tools import SQL


def relation_neighbours_sql(relation_query, node):
    """Partners related to ``node`` (an SQL expression) through allowed relations."""
    left = SQL.identifier(relation_query.table, "left_partner_id")
    right = SQL.identifier(relation_query.table, "right_partner_id")

    def one_side(near, far):
        conditions = [SQL("%s = %s", near, node)]
        if relation_query.where_clause:
            conditions.append(relation_query.where_clause)
        return SQL(
            "SELECT %s AS b FROM %s WHERE %s",
            far,
            relation_query.from_clause,
            SQL(" AND ").join(conditions),
        )

    return SQL("%s UNION ALL %s", one_side(left, right), one_side(right, left))


def readable_sql(partner_query, partner_id):
    """True when the partner ``partner_id`` (an SQL expression) is in the query."""
    conditions = [SQL("%s = %s", SQL.identifier(partner_query.table, "id"), partner_id)]
    if partner_query.where_clause:
        conditions.append(partner_query.where_clause)
    return SQL(
        "EXISTS (SELECT 1 FROM %s WHERE %s)",
        partner_query.from_clause,
        SQL(" AND ").join(conditions),
    )


def _hierarchy_parts(partner_query):
    """Helpers shared by the two directions of the contact hierarchy."""
    table = partner_query.table

    def column(name):
        return SQL.identifier(table, name)

    def where(*conditions):
        if partner_query.where_clause:
            conditions = (*conditions, partner_query.where_clause)
        return SQL(" AND ").join(conditions)

    return column, where, SQL("%s = 'contact'", column("type"))


def organisations_sql(partner_query, node):
    """The parent and the commercial entity of ``node`` when it is a contact.

    Both ``node`` and the organisation must be in ``partner_query`` (readable
    by the user, active).
    """
    column, where, is_contact = _hierarchy_parts(partner_query)
    return SQL(
        """SELECT o.b FROM %(from)s
         CROSS JOIN LATERAL (VALUES (%(parent)s), (NULLIF(%(entity)s, %(parent)s)))
                    AS o(b)
         WHERE %(where)s""",
        parent=column("parent_id"),
        entity=column("commercial_partner_id"),
        where=where(
            SQL("%s = %s", column("id"), node),
            is_contact,
            SQL("o.b <> %s", column("id")),
            readable_sql(partner_query, SQL("o.b")),
        ),
        **{"from": partner_query.from_clause},
    )


def people_sql(partner_query, node):
    """The contacts whose parent or commercial entity is ``node``.

    Both ``node`` and the contact must be in ``partner_query``.
    """
    column, where, is_contact = _hierarchy_parts(partner_query)
    return SQL(
        "SELECT %s AS b FROM %s WHERE %s",
        column("id"),
        partner_query.from_clause,
        where(
            SQL(
                "(%s = %s OR %s = %s)",
                column("parent_id"),
                node,
                column("commercial_partner_id"),
                node,
            ),
            SQL("%s <> %s", column("id"), node),
            is_contact,
            readable_sql(partner_query, node),
        ),
    )


def hierarchy_neighbours_sql(partner_query, node):
    """The organisations and the people of ``node`` in the contact hierarchy."""
    return SQL(
        "%s UNION ALL %s",
        organisations_sql(partner_query, node),
        people_sql(partner_query, node),
    )


def hierarchy_around_sql(partner_query, partner_id):
    """``(partner, is_person_of_it)`` rows around one partner, both directions."""
    return SQL(
        "SELECT p.b, true FROM (%s) p UNION ALL SELECT o.b, false FROM (%s) o",
        people_sql(partner_query, partner_id),
        organisations_sql(partner_query, partner_id),
    )


def neighbours_sql(relation_query, partner_query, node):
    """Partners one step from ``node``: allowed relations and the hierarchy.

    :param relation_query: a ``Query`` on res.partner.relation, or ``None``
        when the user may see no relation at all
    """
    hierarchy = hierarchy_neighbours_sql(partner_query, node)
    if relation_query is None:
        return hierarchy
    return SQL(
        "%s UNION ALL %s", relation_neighbours_sql(relation_query, node), hierarchy
    )


def introduction_paths_sql(
    relation_query, partner_query, source_id, target_id, max_depth, limit
):
    """Shortest paths from ``source_id`` to ``target_id`` as ``(path, length)``.

    :param relation_query: a ``Query`` on res.partner.relation (record rules
        already applied by ``_search``), or ``None``
    :param partner_query: a ``Query`` on res.partner (record rules and the
        active filter applied by ``_search``) for the contact hierarchy
    """
    return SQL(
        """
        WITH RECURSIVE
        forward_walk(node, path, depth) AS (
            SELECT %(source)s::integer, ARRAY[%(source)s::integer], 0
            UNION ALL
            SELECT n.b, w.path || n.b, w.depth + 1
              FROM forward_walk w
             CROSS JOIN LATERAL (%(forward_step)s) n
             WHERE w.depth < %(forward_depth)s
               AND w.node <> %(target)s
               AND NOT n.b = ANY(w.path)
        ),
        backward_walk(node, path, depth) AS (
            SELECT %(target)s::integer, ARRAY[%(target)s::integer], 0
            UNION ALL
            SELECT n.b, n.b || w.path, w.depth + 1
              FROM backward_walk w
             CROSS JOIN LATERAL (%(backward_step)s) n
             WHERE w.depth < %(backward_depth)s
               AND w.node <> %(source)s
               AND NOT n.b = ANY(w.path)
        ),
        meetings AS (
            SELECT f.path || b.path[2:] AS path, f.depth + b.depth AS length
              FROM forward_walk f
              JOIN backward_walk b ON b.node = f.node
        )
        SELECT DISTINCT path, length
          FROM meetings
         WHERE length = (SELECT MIN(length) FROM meetings)
         ORDER BY path
         LIMIT %(limit)s
        """,
        forward_step=neighbours_sql(relation_query, partner_query, SQL("w.node")),
        backward_step=neighbours_sql(relation_query, partner_query, SQL("w.node")),
        source=source_id,
        target=target_id,
        forward_depth=(max_depth + 1) // 2,
        backward_depth=max_depth // 2,
        limit=limit,
    )
