from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Requests without a subject had no deadline: they now get the default
    service norm of the settings."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    tickets = env["helpdesk.ticket"].search(
        [("category_id", "=", False), ("deadline_date", "=", False)]
    )
    env.add_to_compute(tickets._fields["deadline_date"], tickets)
    tickets.flush_recordset(["deadline_date"])
