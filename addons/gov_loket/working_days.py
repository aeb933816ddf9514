"""Working-day arithmetic on the Dutch public-holiday calendar.

Plain Python (no Odoo) so it can be tested on its own. The holidays are
computed for any year, never typed in per year:

* New Year's Day (1 January)
* Easter Sunday and Easter Monday
* King's Day: 27 April, or 26 April when the 27th falls on a Sunday
* Liberation Day (5 May), only in lustrum years (year divisible by 5)
* Ascension Day (Easter + 39 days)
* Whit Sunday and Whit Monday (Easter + 49 and + 50 days)
* Christmas Day and Boxing Day (25 and 26 December)

Good Friday is not a general day off in the Netherlands and is not included.
"""

import datetime
from functools import lru_cache

from dateutil.easter import EASTER_WESTERN, easter

SATURDAY = 5


@lru_cache(maxsize=64)
def dutch_public_holidays(year):
    """Return a dict {date: name} of the Dutch public holidays in ``year``."""
    easter_sunday = easter(year, EASTER_WESTERN)
    kings_day = datetime.date(year, 4, 27)
    if kings_day.weekday() == 6:  # Sunday: celebrated on Saturday the 26th
        kings_day = datetime.date(year, 4, 26)
    holidays = {
        datetime.date(year, 1, 1): "New Year's Day",
        easter_sunday: "Easter Sunday",
        easter_sunday + datetime.timedelta(days=1): "Easter Monday",
        kings_day: "King's Day",
        easter_sunday + datetime.timedelta(days=39): "Ascension Day",
        easter_sunday + datetime.timedelta(days=49): "Whit Sunday",
        easter_sunday + datetime.timedelta(days=50): "Whit Monday",
        datetime.date(year, 12, 25): "Christmas Day",
        datetime.date(year, 12, 26): "Boxing Day",
    }
    if year % 5 == 0:
        holidays[datetime.date(year, 5, 5)] = "Liberation Day"
    return holidays


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise TypeError(f"Expected a date, got {type(value).__name__}")


def is_working_day(day):
    """True when ``day`` is a weekday that is not a Dutch public holiday."""
    day = _as_date(day)
    return day.weekday() < SATURDAY and day not in dutch_public_holidays(day.year)


def next_working_day(day):
    """Return ``day`` itself when it is a working day, else the first one after."""
    day = _as_date(day)
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def add_working_days(start_date, n):
    """Return the date ``n`` working days after ``start_date``.

    The start day itself is not counted: a question received on Monday with a
    norm of 1 working day is due on Tuesday. With ``n == 0`` the result is the
    start day, or the next working day when the start is a weekend or holiday.
    Negative ``n`` is refused: a service norm never runs backwards.
    """
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError("The number of working days must be an integer")
    if n < 0:
        raise ValueError("The number of working days cannot be negative")
    day = _as_date(start_date)
    if n == 0:
        return next_working_day(day)
    remaining = n
    while remaining:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start_date, end_date):
    """Number of working days after ``start_date`` up to and including ``end_date``.

    The inverse of :func:`add_working_days` for working-day end dates; 0 when
    ``end_date`` is not after ``start_date``.
    """
    start, end = _as_date(start_date), _as_date(end_date)
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
