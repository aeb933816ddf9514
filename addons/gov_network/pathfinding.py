"""Shortest paths in an undirected partner graph, in plain Python.

This is the reference implementation the PostgreSQL query of
``res.partner.find_introduction_path`` is checked against: a breadth-first
search over plain ``(left, right)`` pairs, with no Odoo involved.
"""

from collections import defaultdict, deque


def build_adjacency(edges):
    """Return ``{node: set(neighbours)}`` for undirected ``(a, b)`` pairs."""
    adjacency = defaultdict(set)
    for left, right in edges:
        if left == right:
            continue
        adjacency[left].add(right)
        adjacency[right].add(left)
    return adjacency


def shortest_paths(edges, source, target, max_depth=4, limit=None):
    """All shortest paths from ``source`` to ``target``.

    :param edges: iterable of ``(a, b)`` pairs; direction is ignored
    :param max_depth: the longest path considered, in edges
    :param limit: return at most this many paths (None: all)
    :return: sorted list of paths (lists of nodes, source first); ``[]``
        when the target is not reachable within ``max_depth`` edges
    """
    if source == target:
        return [[source]]
    if max_depth < 1:
        return []
    adjacency = build_adjacency(edges)
    distance = {source: 0}
    parents = defaultdict(list)
    queue = deque([source])
    while queue:
        node = queue.popleft()
        depth = distance[node]
        if depth >= max_depth or (target in distance and depth >= distance[target]):
            continue
        for neighbour in adjacency.get(node, ()):
            if neighbour not in distance:
                distance[neighbour] = depth + 1
                parents[neighbour].append(node)
                queue.append(neighbour)
            elif distance[neighbour] == depth + 1:
                parents[neighbour].append(node)
    if target not in distance:
        return []
    paths = sorted(_unwind(parents, source, target))
    return paths[:limit] if limit is not None else paths


def _unwind(parents, source, target):
    """Yield every source-to-target path through the BFS parent lists."""
    stack = [(target, [target])]
    while stack:
        node, tail = stack.pop()
        if node == source:
            yield list(reversed(tail))
            continue
        for parent in parents[node]:
            stack.append((parent, [*tail, parent]))
