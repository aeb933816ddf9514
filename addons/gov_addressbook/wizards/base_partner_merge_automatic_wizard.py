from odoo import models
from odoo.exceptions import AccessError

from ..models.res_partner_relationship_manager import MANAGER_GROUP


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Merging relations is for address-book managers.

    A merge moves everything of the merged relations (contact moments, cases,
    requests) to the one kept. Left to every user with Odoo's "Contact
    Creation" right, anyone could merge a relation into one they manage and
    so read its confidential history; Odoo's own check (same e-mail address)
    is no barrier, as the e-mail address can be edited first.
    """

    _inherit = "base.partner.merge.automatic.wizard"

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        if not (self.env.su or self.env.user.has_group(MANAGER_GROUP)):
            raise AccessError(
                self.env._("Only address-book managers can merge relations.")
            )
        return super()._merge(partner_ids, dst_partner, extra_checks)
