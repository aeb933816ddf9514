from . import gov_partner_import
