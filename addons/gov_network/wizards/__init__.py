from . import res_partner_who_knows
