from . import gov_partner_anonymise
