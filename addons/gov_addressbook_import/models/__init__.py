from . import gov_partner_import_run
from . import gov_partner_import_progress
