from . import gov_zgw_service
from . import gov_zaak
from . import res_partner
