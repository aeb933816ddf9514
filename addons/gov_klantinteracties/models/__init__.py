from . import gov_contact_moment
from . import gov_contact_moment_subject
from . import gov_ki_application
from . import gov_loket_handover
from . import gov_processing_log
