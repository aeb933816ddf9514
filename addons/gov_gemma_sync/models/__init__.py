from . import gov_zgw_service
from . import gov_zaak
from . import res_partner
from . import gov_contact_moment
from . import gov_zgw_notification
