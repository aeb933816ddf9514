from . import res_partner_who_knows
from . import res_partner_introduction
