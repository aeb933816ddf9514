"""Connections whose last call failed say so in their new status."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE gov_zgw_service SET last_call_failed = TRUE
         WHERE last_error_at IS NOT NULL
           AND (last_success_at IS NULL OR last_error_at >= last_success_at)
        """
    )
