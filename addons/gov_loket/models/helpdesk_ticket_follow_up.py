from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models

from .. import working_days

# Changing one of these moves the deadline, so the follow-up starts over.
DEADLINE_FIELDS = ("received_date", "category_id", "is_callback")


class HelpdeskTicket(models.Model):
    """Scheduled follow-up of Loket requests: reminders and escalation."""

    _inherit = "helpdesk.ticket"

    gov_reminder_sent = fields.Boolean(
        string="Reminder sent",
        copy=False,
        readonly=True,
        help="The assignee was reminded that the deadline is near.",
    )
    gov_escalated = fields.Boolean(
        string="Escalated",
        copy=False,
        readonly=True,
        index=True,
        help="The team lead was warned that the request is overdue.",
    )

    def write(self, vals):
        if any(name in vals for name in DEADLINE_FIELDS):
            vals = dict(vals, gov_reminder_sent=False, gov_escalated=False)
        elif vals.get("user_id"):
            vals = dict(vals, gov_reminder_sent=False)
        return super().write(vals)

    def _gov_follow_up_activities(self, user_field, summary, note):
        """Create one to-do per request for the user found at ``user_field``."""
        model_id = self.env["ir.model"]._get_id(self._name)
        todo = self.env.ref("mail.mail_activity_data_todo")
        vals_list = [
            {
                "res_model_id": model_id,
                "res_id": ticket.id,
                "activity_type_id": todo.id,
                "user_id": ticket.mapped(user_field).id,
                "date_deadline": ticket.deadline_date,
                "summary": summary % {"number": ticket.number},
                "note": note
                % {
                    "deadline": ticket.deadline_date,
                    "user": ticket.user_id.name or "-",
                },
            }
            for ticket in self
        ]
        # No notification per to-do (about 14 queries and a mail each): the job
        # sends one digest per colleague instead, see _gov_notify_digest.
        activities = (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )
        self._gov_notify_digest(activities, summary)
        return activities

    def _gov_notify_digest(self, activities, summary):
        """One message per colleague listing the requests of their new to-dos."""
        by_user = defaultdict(list)
        for activity, ticket in zip(activities, self, strict=True):
            by_user[activity.user_id].append(ticket)
        for user, tickets in by_user.items():
            if not user.partner_id:
                continue
            items = Markup("").join(
                Markup("<li>%s</li>") % (summary % {"number": ticket.number})
                for ticket in tickets
            )
            self.env["mail.thread"].message_notify(
                partner_ids=user.partner_id.ids,
                subject=self.env._(
                    "Loket: %(count)s requests need you", count=len(tickets)
                ),
                body=Markup("<ul>%s</ul>") % items,
            )

    @api.model
    def _cron_gov_deadline_follow_up(self):
        """Remind assignees a working day before the deadline; escalate overdue.

        Each request is reminded and escalated once (until its deadline or
        assignee changes), so the job can run as often as wanted.
        """
        today = self._gov_today()
        horizon = working_days.add_working_days(today, 1)
        open_with_deadline = [
            ("stage_id.closed", "=", False),
            ("deadline_date", "!=", False),
        ]
        to_remind = self.search(
            [
                *open_with_deadline,
                ("gov_reminder_sent", "=", False),
                ("user_id", "!=", False),
                ("deadline_date", ">=", today),
                ("deadline_date", "<=", horizon),
            ]
        )
        to_remind._gov_follow_up_activities(
            "user_id",
            self.env._("Deadline near: request %(number)s"),
            self.env._("Please answer by %(deadline)s."),
        )
        to_remind.write({"gov_reminder_sent": True})
        to_escalate = self.search(
            [
                *open_with_deadline,
                ("gov_escalated", "=", False),
                ("deadline_date", "<", today),
                ("team_id.user_id", "!=", False),
            ]
        )
        to_escalate._gov_follow_up_activities(
            "team_id.user_id",
            self.env._("Overdue: request %(number)s"),
            self.env._("The deadline was %(deadline)s; assigned to %(user)s."),
        )
        to_escalate.write({"gov_escalated": True})
        return len(to_remind), len(to_escalate)
