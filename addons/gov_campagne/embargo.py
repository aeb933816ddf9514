"""Embargo arithmetic for press releases, free of Odoo so it tests fast.

An embargo is kept to the minute: seconds and microseconds are dropped when
the moment is stored, so "10:00" means from 10:00:00 on and a scheduler that
wakes up at 10:00:00 finds the release due, never a moment earlier.
"""

from datetime import datetime


def truncate_to_minute(moment):
    """Return ``moment`` without seconds and microseconds (None stays None)."""
    if moment is None:
        return None
    if not isinstance(moment, datetime):
        raise TypeError(f"expected a datetime, got {type(moment).__name__}")
    return moment.replace(second=0, microsecond=0)


def is_released(embargo_at, now):
    """True when a release under embargo ``embargo_at`` may go out at ``now``.

    A release without an embargo moment is never released automatically: the
    caller must set one first. Both values are naive UTC datetimes.
    """
    if embargo_at is None or embargo_at is False:
        return False
    return truncate_to_minute(embargo_at) <= now
