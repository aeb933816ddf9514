from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Domain

HOLD_GROUPS = "gov_addressbook.group_privacy_officer,gov_addressbook.group_manager"


class ResPartner(models.Model):
    """Legal hold: nothing about this relation is destroyed by the retention
    job while it is set (a court case, an objection, a Woo request)."""

    _inherit = "res.partner"

    gov_legal_hold = fields.Boolean(
        string="Legal hold",
        groups=HOLD_GROUPS,
        copy=False,
        help="While set, the retention job destroys nothing about this relation.",
    )
    gov_legal_hold_reason = fields.Text(
        string="Reason for the legal hold", groups=HOLD_GROUPS, copy=False
    )
    gov_legal_hold_user_id = fields.Many2one(
        "res.users",
        string="Legal hold set by",
        groups=HOLD_GROUPS,
        readonly=True,
        copy=False,
    )
    gov_legal_hold_date = fields.Datetime(
        string="Legal hold set on", groups=HOLD_GROUPS, readonly=True, copy=False
    )

    def write(self, vals):
        if "gov_legal_hold" in vals:
            vals = dict(
                vals,
                gov_legal_hold_user_id=self.env.uid
                if vals["gov_legal_hold"]
                else False,
                gov_legal_hold_date=fields.Datetime.now()
                if vals["gov_legal_hold"]
                else False,
            )
            if not vals["gov_legal_hold"]:
                vals["gov_legal_hold_reason"] = False
        return super().write(vals)

    @api.constrains("gov_legal_hold", "gov_legal_hold_reason")
    def _check_legal_hold_reason(self):
        for partner in self:
            if (
                partner.gov_legal_hold
                and not (partner.gov_legal_hold_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "A legal hold needs a reason (for example the case or "
                        "the court procedure)."
                    )
                )

    def _gov_check_hold_rights(self):
        if not any(self.env.user.has_group(g) for g in HOLD_GROUPS.split(",")):
            raise AccessError(
                self.env._(
                    "Only privacy officers and functional administrators set or "
                    "lift a legal hold."
                )
            )

    def _gov_set_legal_hold(self, reason):
        self._gov_check_hold_rights()
        # sudo: privacy officers may not edit relations otherwise; this writes
        # only the hold, its reason and who set it (checked just above).
        self.sudo().write({"gov_legal_hold": True, "gov_legal_hold_reason": reason})

    def action_gov_lift_legal_hold(self):
        self._gov_check_hold_rights()
        # sudo: as in _gov_set_legal_hold.
        self.sudo().write({"gov_legal_hold": False})

    @api.model
    def _gov_retention_blocked_domain(self):
        """Relations about which the retention job destroys nothing now: under
        a legal hold, or (added by other addons) with an open request or case."""
        return Domain("gov_legal_hold", "=", True)
