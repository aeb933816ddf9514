"""Choosing the team member for a new request, without Odoo.

Both functions take the ids of the members who may receive work (present,
active) in a stable order and return one of them, or None when nobody can.
"""


def pick_round_robin(member_ids, last_id=None):
    """The member after ``last_id`` in ``member_ids``, wrapping around.

    When ``last_id`` is no longer among the members (absent, left the team),
    the first member with a higher id follows, so the turn is not lost.
    """
    members = sorted(member_ids)
    if not members:
        return None
    if last_id is None:
        return members[0]
    for member in members:
        if member > last_id:
            return member
    return members[0]


def pick_least_loaded(member_ids, open_counts):
    """The member with the fewest open requests; the lowest id on a tie."""
    members = sorted(member_ids)
    if not members:
        return None
    return min(members, key=lambda member: (open_counts.get(member, 0), member))
