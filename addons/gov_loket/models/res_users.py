from odoo import fields, models


class ResUsers(models.Model):
    """Absence as the Loket routing sees it.

    There is no leave module in this product: an employee (or an administrator)
    ticks *Absent* and automatic routing skips them until it is unticked.
    """

    _inherit = "res.users"

    gov_absent = fields.Boolean(
        string="Absent",
        help="Automatic routing of new Loket requests skips this user while ticked.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return [*super().SELF_READABLE_FIELDS, "gov_absent"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return [*super().SELF_WRITEABLE_FIELDS, "gov_absent"]
