from . import gov_ki_application
from . import gov_processing_log
