from odoo.tools.sql import column_exists


def migrate(cr, version):
    """Fill the two new stored dashboard columns in SQL, so the update does not
    compute them request by request: the month a request was received (Dutch
    local time) and its number of repeat contacts."""
    cr.execute(
        """
        ALTER TABLE helpdesk_ticket
            ADD COLUMN IF NOT EXISTS received_month date,
            ADD COLUMN IF NOT EXISTS repeat_contact_count integer
        """
    )
    cr.execute(
        """
        UPDATE helpdesk_ticket
           SET received_month = date_trunc(
                   'month',
                   (COALESCE(received_date, create_date) AT TIME ZONE 'UTC')
                       AT TIME ZONE 'Europe/Amsterdam'
               )::date
        """
    )
    # A database from before "one request across channels" (19.0.1.1.0) has no
    # repeat contacts yet: the column on the contact moments comes with this update.
    if column_exists(cr, "gov_contact_moment", "gov_repeat_request_id"):
        cr.execute(
            """
            UPDATE helpdesk_ticket t
               SET repeat_contact_count = COALESCE(
                       (SELECT count(*)
                          FROM gov_contact_moment m
                         WHERE m.gov_repeat_request_id = t.id),
                       0
                   )
            """
        )
    else:
        cr.execute("UPDATE helpdesk_ticket SET repeat_contact_count = 0")
    # The address loket-team-board moves to the server action that opens the
    # board; free it before the data files load.
    cr.execute(
        """
        UPDATE ir_act_window
           SET path = NULL
         WHERE id = (
               SELECT res_id
                 FROM ir_model_data
                WHERE module = 'gov_loket'
                  AND name = 'helpdesk_ticket_action_team_board'
         )
        """
    )
