"""One definition of each figure a Loket team lead reads.

*Headline figures* (``helpdesk.ticket.get_loket_dashboard``) and the
*Dashboard* pivot both take their figures from here, so the same team and
period give the same number on both screens (tests/test_figures.py computes
each figure both ways).

A figure is a measure (stored field and aggregate) over a population of
requests. The populations are the filters of the Dashboard's search view
(``POPULATION_FILTERS``): a rate over closed requests is read in the pivot with
the *Closed* filter on, which is the Dashboard's default; repeat contacts count
every request, so the pivot shows them without that filter. Every figure also
counts only the requests received in the period (``received_month`` in the
pivot) and leaves out requests closed as the same as another one.
"""

from collections import namedtuple

Figure = namedtuple("Figure", "key measure aggregate population")

# Search view filter name -> domain of the requests the figure counts; None:
# every request (no filter in the pivot).
POPULATION_FILTERS = {
    None: [],
    "gov_closed": [("stage_id.closed", "=", True)],
    "gov_rated": [("satisfaction_date", "!=", False)],
}

FIGURES = (
    # Share of closed requests closed on or before their deadline.
    Figure("within_norm_pct", "within_norm_pct", "avg", "gov_closed"),
    # Working days from receipt to closing, averaged over closed requests.
    Figure("avg_handling_days", "handling_days", "avg", "gov_closed"),
    # Share of closed requests answered in the contact that asked them.
    Figure("first_time_right_pct", "first_time_right_pct", "avg", "gov_closed"),
    # Contacts after the first about a request, open or closed (failure demand).
    Figure("repeat_contacts_total", "repeat_contact_count", "sum", None),
    # Average score (1-5) of the rated requests.
    Figure("satisfaction", "satisfaction_score", "avg", "gov_rated"),
)

# The Dashboard pivot's default filter: the population of its default measures.
PIVOT_DEFAULT_FILTER = "gov_closed"


def by_population():
    """``{filter name: [figures]}``: one grouped query per population."""
    groups = {}
    for figure in FIGURES:
        groups.setdefault(figure.population, []).append(figure)
    return groups
