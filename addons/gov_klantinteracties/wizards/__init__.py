from . import gov_ki_application_token
