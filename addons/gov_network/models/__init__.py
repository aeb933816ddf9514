from . import res_partner_relation_type
from . import res_partner_relation
from . import gov_contact_moment
from . import res_partner
from . import res_partner_graph
from . import gov_network
from . import gov_network_member
from . import gov_network_knows_queue
