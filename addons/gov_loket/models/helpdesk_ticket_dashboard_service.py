from odoo import api, models
from odoo.fields import Domain


def _rows(groups, label):
    """``[{id, name, count, value}]`` of ``_read_group`` rows (group, count, avg)."""
    return [
        {
            "id": group.id,
            "name": group.display_name or label,
            "count": count,
            "value": round(value or 0.0, 1),
        }
        for group, count, value in groups
    ]


class HelpdeskTicket(models.Model):
    """Dashboard figures of the service promise: the norm per channel, repeat
    contacts and satisfaction, each one grouped query."""

    _inherit = "helpdesk.ticket"

    @api.model
    def _gov_dashboard_channel_figures(self, base, closed_domain):
        _ = self.env._
        none = _("None")
        within = self._read_group(
            closed_domain, ["channel_id"], ["__count", "within_norm_pct:avg"]
        )
        rated = self._gov_figure_domain(base, "gov_rated")
        satisfaction = {
            group: _rows(
                self._read_group(rated, [group], ["__count", "satisfaction_score:avg"]),
                none,
            )
            for group in ("category_id", "team_id", "channel_id")
        }
        to_follow = base & Domain("gov_score_follow_up", "=", True)
        [[low_count]] = self._read_group(to_follow, [], ["__count"])
        [[in_norm_count]] = self._read_group(
            to_follow & Domain("gov_score_followed_up_in_norm", "=", True),
            [],
            ["__count"],
        )
        repeats = self.env["gov.contact.moment"]._read_group(
            [("gov_repeat_request_id", "any", list(base))],
            ["gov_repeat_category_id", "channel"],
            ["__count"],
        )
        channels = dict(
            self.env["gov.contact.moment"]
            ._fields["channel"]
            ._description_selection(self.env)
        )
        return {
            "within_norm_by_channel": _rows(within, none),
            "satisfaction_by_subject": satisfaction["category_id"],
            "satisfaction_by_team": satisfaction["team_id"],
            "satisfaction_by_channel": satisfaction["channel_id"],
            "low_scores": low_count,
            "low_scores_followed_up_pct": round(
                100.0 * in_norm_count / low_count if low_count else 0.0, 1
            ),
            "repeat_contacts": [
                {
                    "subject": category.display_name or none,
                    "channel": channels.get(channel, channel),
                    "count": count,
                }
                for category, channel, count in repeats
            ],
        }
