from . import gov_campaign
from . import gov_press_release
from . import mailing_mailing
from . import event_event
