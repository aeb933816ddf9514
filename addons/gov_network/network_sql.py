"""The introduction-path query: a bidirectional breadth-first search in SQL.

The graph is whatever relation query the caller passes in (the relations the
user may see and that are valid today), taken in both directions. Two
recursive walks start at the same time, one from the source and one from the
target, each at most half of ``max_depth`` deep; where they meet, their halves
make a path. Keeping only the shortest total length leaves only simple paths
(a repeated node would give a shorter one). Everything is composed with
``odoo.tools.SQL``; no SQL is built from strings.
"""

from odoo.tools import SQL


def edges_sql(relation_query):
    """Both directions of every allowed relation, as ``(a, b)`` rows."""
    left = SQL.identifier(relation_query.table, "left_partner_id")
    right = SQL.identifier(relation_query.table, "right_partner_id")
    return SQL(
        "%s UNION ALL %s",
        relation_query.select(SQL("%s AS a", left), SQL("%s AS b", right)),
        relation_query.select(SQL("%s AS a", right), SQL("%s AS b", left)),
    )


def introduction_paths_sql(relation_query, source_id, target_id, max_depth, limit):
    """Shortest paths from ``source_id`` to ``target_id`` as ``(path, length)``.

    :param relation_query: a ``Query`` on res.partner.relation (record rules
        already applied by ``_search``)
    """
    forward_depth = (max_depth + 1) // 2
    backward_depth = max_depth // 2
    return SQL(
        """
        WITH RECURSIVE
        edges AS NOT MATERIALIZED (%(edges)s),
        forward_walk(node, path, depth) AS (
            SELECT %(source)s::integer, ARRAY[%(source)s::integer], 0
            UNION ALL
            SELECT e.b, w.path || e.b, w.depth + 1
              FROM forward_walk w
              JOIN edges e ON e.a = w.node
             WHERE w.depth < %(forward_depth)s
               AND w.node <> %(target)s
               AND NOT e.b = ANY(w.path)
        ),
        backward_walk(node, path, depth) AS (
            SELECT %(target)s::integer, ARRAY[%(target)s::integer], 0
            UNION ALL
            SELECT e.b, e.b || w.path, w.depth + 1
              FROM backward_walk w
              JOIN edges e ON e.a = w.node
             WHERE w.depth < %(backward_depth)s
               AND w.node <> %(source)s
               AND NOT e.b = ANY(w.path)
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
        edges=edges_sql(relation_query),
        source=source_id,
        target=target_id,
        forward_depth=forward_depth,
        backward_depth=backward_depth,
        limit=limit,
    )
