from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

PRIVACY_OFFICER = "gov_addressbook.group_privacy_officer"


class GovPrivacyErasureReport(models.Model):
    """The privacy officer's kept report of one anonymisation.

    What was erased where, on which legal ground something was kept, and what
    must still be erased by hand in other systems (Klantinteracties, the case
    system). It names the relation only by its database ID and holds no
    personal data. Nobody but the superuser changes or deletes it; the one
    thing a privacy officer records later is that the work by hand is done.
    """

    _name = "gov.privacy.erasure.report"
    _description = "Anonymisation report"
    _order = "create_date desc, id desc"
    _rec_name = "partner_ref"

    user_id = fields.Many2one(
        "res.users", string="Anonymised by", readonly=True, ondelete="restrict"
    )
    partner_ref = fields.Integer(string="Relation ID", readonly=True, index=True)
    places = fields.Html(string="Erased", readonly=True, sanitize=True)
    manual_items = fields.Text(string="To erase by hand", readonly=True)
    manual_count = fields.Integer(string="Items by hand", readonly=True)
    manual_done_at = fields.Datetime(string="Done by hand on", readonly=True)
    manual_done_by = fields.Many2one(
        "res.users", string="Done by hand by", readonly=True, ondelete="restrict"
    )

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("An anonymisation report cannot be changed."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(self.env._("An anonymisation report cannot be deleted."))
        return super().unlink()

    @api.model
    def _gov_keep(self, partner, places_html, manual):
        # sudo: nobody has create rights, so that reports only come from the
        # anonymisation itself; the values hold no personal data.
        return self.sudo().create(
            {
                "user_id": self.env.uid,
                "partner_ref": partner.id,
                "places": places_html,
                "manual_items": "\n".join(manual),
                "manual_count": len(manual),
            }
        )

    def action_mark_manual_done(self):
        if not self.env.user.has_group(PRIVACY_OFFICER):
            raise AccessError(
                self.env._("Only privacy officers record that work is done.")
            )
        if self.filtered("manual_done_at"):
            raise UserError(self.env._("This work was already recorded as done."))
        # sudo: the one change allowed on a kept report, by a privacy officer
        # (checked above): who finished the work by hand, and when.
        self.sudo().write(
            {"manual_done_at": fields.Datetime.now(), "manual_done_by": self.env.uid}
        )

    @api.model
    def _gov_places_html(self, result):
        _ = self.env._
        method_labels = {
            "clear": _("cleared"),
            "replace": _("replaced"),
            "delete": _("deleted"),
            "keep": _("kept"),
            "custom": _("erased"),
        }
        rows = Markup().join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                place["label"],
                place["count"],
                method_labels.get(place["erase"], place["erase"]),
                place["legal_ground"],
            )
            for place in result["places"]
            if place["count"]
        )
        return Markup(
            "<table class='table table-sm'><tr><th>%s</th><th>%s</th><th>%s</th>"
            "<th>%s</th></tr>%s</table>"
        ) % (_("Place"), _("Records"), _("Erasure"), _("Legal ground"), rows)
