def migrate(cr, version):
    """Let the update reload the acknowledgement mail: it now says the answer
    date in Dutch. The data file marks it ``noupdate`` again."""
    cr.execute(
        """
        UPDATE ir_model_data
           SET noupdate = FALSE
         WHERE module = 'gov_loket'
           AND name = 'mail_template_acknowledgement'
        """
    )
