"""Plain rules of the network picture: which nodes a graph holds and their kind.

The model fetches, ring by ring, the relations that touch the current
frontier; this module decides which partners join the picture, stops at a
node budget, and names the kind of every node. No Odoo is involved, so the
rules are tested directly.
"""

MAX_GRAPH_DEPTH = 3
MAX_GRAPH_NODES = 600

KIND_COLLEAGUE = "colleague"
KIND_ORGANISATION = "organisation"
KIND_PERSON = "person"


def next_ring(edges, seen, budget):
    """Partners one step beyond ``seen`` through ``edges``, within ``budget``.

    :param edges: iterable of ``(relation_id, left_id, right_id, type_id)``
    :param seen: set of partner ids already in the picture (not changed)
    :param budget: how many new partners may still join
    :return: ``(new_ids, truncated)``: the new partners in a stable order
        (lowest id first) and whether some had to be left out
    """
    candidates = set()
    for _rel_id, left, right, _type_id in edges:
        for node in (left, right):
            if node not in seen:
                candidates.add(node)
    ordered = sorted(candidates)
    if len(ordered) > budget:
        return ordered[: max(budget, 0)], True
    return ordered, False


def edges_within(edges, nodes):
    """The edges whose two ends are both in ``nodes``, each relation once."""
    kept = {}
    for rel_id, left, right, type_id in edges:
        if left in nodes and right in nodes and left != right:
            kept[rel_id] = (rel_id, left, right, type_id)
    return [kept[rel_id] for rel_id in sorted(kept)]


def node_kind(is_company, is_colleague):
    """The kind of a node: a colleague, an organisation or a person."""
    if is_colleague:
        return KIND_COLLEAGUE
    if is_company:
        return KIND_ORGANISATION
    return KIND_PERSON


def clamp_depth(depth):
    """Depth of the picture, kept between 1 and ``MAX_GRAPH_DEPTH``."""
    try:
        depth = int(depth)
    except (TypeError, ValueError):
        depth = 2
    return min(max(depth, 1), MAX_GRAPH_DEPTH)
