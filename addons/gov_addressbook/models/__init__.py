from . import gov_contact_moment, res_partner
