import datetime

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.fields import Domain

from .. import figures
from .helpdesk_ticket import LOCAL_TZ

TOP_SUBJECTS = 5


def _utc_start(day):
    """Naive UTC datetime of local midnight at the start of ``day``."""
    local = datetime.datetime.combine(day, datetime.time.min, tzinfo=LOCAL_TZ)
    return local.astimezone(datetime.UTC).replace(tzinfo=None)


class HelpdeskTicket(models.Model):
    """Headline figures of the Loket dashboard, computed in the database."""

    _inherit = "helpdesk.ticket"

    @api.model
    def _gov_dashboard_domain(self, team_ids=None, date_from=None, date_to=None):
        # A request closed as the same as another one is counted there.
        domain = Domain("duplicate_id", "=", False)
        if team_ids:
            domain &= Domain("team_id", "in", list(team_ids))
        if date_from:
            start = _utc_start(datetime.date.fromisoformat(str(date_from)))
            domain &= Domain("received_date", ">=", start)
        if date_to:
            end = datetime.date.fromisoformat(str(date_to)) + datetime.timedelta(1)
            domain &= Domain("received_date", "<", _utc_start(end))
        return domain

    @api.model
    def get_loket_dashboard(self, team_ids=None, date_from=None, date_to=None):
        """Headline numbers for the requests the current user may read.

        ``date_from`` / ``date_to`` (ISO dates, inclusive) limit the requests by
        their received date. Every figure is one grouped query, so the cost does
        not grow with the number of requests, and record rules apply because
        the queries run as the calling user.
        """
        if not self.env.user.has_group("gov_loket.group_employee"):
            # helpdesk_mgmt lets every internal user read requests; the Loket
            # figures are for Loket staff only.
            raise AccessError(self.env._("The Loket dashboard is for Loket staff."))
        base = self._gov_dashboard_domain(team_ids, date_from, date_to)
        open_domain = base & Domain("stage_id.closed", "=", False)
        closed_domain = self._gov_figure_domain(base, "gov_closed")
        today = self._gov_today()
        [[total, open_count]] = self._read_group(
            base, [], ["__count", "open_count:sum"]
        )
        [[overdue_count]] = self._read_group(
            open_domain & Domain("deadline_date", "<", today), [], ["__count"]
        )
        values, counts = self._gov_figure_values(base)
        top = self._read_group(
            base & Domain("category_id", "!=", False),
            ["category_id"],
            ["__count"],
            order="__count desc",
            limit=TOP_SUBJECTS,
        )
        return {
            **self._gov_dashboard_channel_figures(base, closed_domain),
            **values,
            "total": total,
            "open": open_count or 0,
            "overdue": overdue_count,
            "closed": counts["gov_closed"],
            "rated": counts["gov_rated"],
            "top_subjects": [
                {"id": category.id, "name": category.display_name, "count": count}
                for category, count in top
            ],
        }

    @api.model
    def _gov_figure_domain(self, base, population):
        """The requests of ``base`` a figure of ``population`` counts."""
        return base & Domain(figures.POPULATION_FILTERS[population])

    @api.model
    def _gov_figure_values(self, base):
        """Every figure of ``figures.FIGURES`` over ``base``, rounded as shown,
        and the size of each population: one grouped query per population."""
        values, counts = {}, {}
        for population, members in figures.by_population().items():
            aggregates = [f"{f.measure}:{f.aggregate}" for f in members]
            [[count, *results]] = self._read_group(
                self._gov_figure_domain(base, population),
                [],
                ["__count", *aggregates],
            )
            counts[population] = count
            for figure, result in zip(members, results, strict=True):
                values[figure.key] = (
                    round(result or 0.0, 1)
                    if figure.aggregate == "avg"
                    else result or 0
                )
        return values, counts

    @api.model
    def action_open_dashboard_overdue(
        self, team_ids=None, date_from=None, date_to=None
    ):
        """The requests behind the "Overdue" figure, for the same team and period.

        The action has an address of its own, ``…/<team>/loket-team-overdue``
        (``…/loket-overdue`` for all teams): a reload or a shared link
        shows the overdue requests of that team. A chosen period narrows the
        list shown now; the address does not carry it.
        """
        one_team = team_ids and len(team_ids) == 1
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "gov_loket.helpdesk_ticket_action_overdue_team"
            if one_team
            else "gov_loket.helpdesk_ticket_action_overdue"
        )
        action["context"] = {"create": False}
        if one_team:
            action["context"].update(
                active_id=team_ids[0], active_model="helpdesk.ticket.team"
            )
        domain = self._gov_dashboard_domain(team_ids, date_from, date_to)
        action["domain"] = list(
            domain
            & Domain("stage_id.closed", "=", False)
            & Domain("deadline_date", "<", self._gov_today())
        )
        return action
