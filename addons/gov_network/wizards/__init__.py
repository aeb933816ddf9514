from . import gov_network_chain_line
from . import res_partner_who_knows
from . import res_partner_introduction
