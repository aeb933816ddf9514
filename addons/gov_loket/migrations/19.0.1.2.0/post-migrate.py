def migrate(cr, version):
    """Following a request (helpdesk_mgmt's rule for every colleague) gives
    read access only: a colleague outside the Loket edits a request while it
    is assigned to them (gov_loket's rule). helpdesk_mgmt loads its rule as
    ``noupdate``, so the data file does not change it in existing databases."""
    cr.execute(
        """
        UPDATE ir_rule
           SET perm_write = FALSE, perm_create = FALSE, perm_unlink = FALSE
         WHERE id = (
               SELECT res_id
                 FROM ir_model_data
                WHERE module = 'helpdesk_mgmt'
                  AND name = 'helpdesk_ticket_rule_internal_user'
                  AND model = 'ir.rule'
         )
        """
    )
