"""An empty audience filter no longer means everyone (a new campaign starts
with nobody): campaigns saved with one keep their audience as the explicit
choice "Everyone in the address book"."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE gov_campaign SET audience_type = 'everyone'
         WHERE audience_type = 'criteria'
           AND coalesce(replace(audience_domain, ' ', ''), '[]') IN ('[]', '')
        """
    )
