from . import gov_privacy_request_mixin
from . import gov_contact_register
from . import gov_partner_anonymise
from . import gov_partner_export
from . import base_partner_merge_automatic_wizard
from . import gov_partner_import
from . import gov_retention_preview
from . import gov_legal_hold_set
