"""The introduction-path query: a bidirectional breadth-first search in SQL.

The graph is whatever relation query the caller passes in (the relations the
user may see and that are valid today), taken in both directions. Two
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


def neighbours_sql(relation_query, node):
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


def introduction_paths_sql(relation_query, source_id, target_id, max_depth, limit):
    """Shortest paths from ``source_id`` to ``target_id`` as ``(path, length)``.

    :param relation_query: a ``Query`` on res.partner.relation (record rules
        already applied by ``_search``)
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
        forward_step=neighbours_sql(relation_query, SQL("w.node")),
        backward_step=neighbours_sql(relation_query, SQL("w.node")),
        source=source_id,
        target=target_id,
        forward_depth=(max_depth + 1) // 2,
        backward_depth=max_depth // 2,
        limit=limit,
    )
