from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

CHANNELS = [
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("counter", "Counter"),
    ("letter", "Letter"),
    ("chat", "Chat"),
    ("whatsapp", "WhatsApp"),
    ("sms", "SMS"),
    ("social", "Social media"),
    ("web_form", "Web form"),
    ("meeting", "Meeting"),
    ("other", "Other"),
]

# Klantinteracties "kanaal" is free text; these are the Dutch names KCC tools
# use (gov_gemma_sync publishes with them, gov_klantinteracties serves them).
KANAAL_NAMES = {
    "phone": "telefoon",
    "email": "e-mail",
    "counter": "balie",
    "letter": "brief",
    "chat": "chat",
    "whatsapp": "whatsapp",
    "sms": "sms",
    "social": "sociale media",
    "web_form": "webformulier",
    "meeting": "afspraak",
    "other": "overig",
}

# ZGW "vertrouwelijkheidaanduiding", from public to top secret.
CONFIDENTIALITY_LEVELS = [
    ("openbaar", "Public"),
    ("beperkt_openbaar", "Restricted public"),
    ("intern", "Internal"),
    ("zaakvertrouwelijk", "Case confidential"),
    ("vertrouwelijk", "Confidential"),
    ("confidentieel", "Confidential (high)"),
    ("geheim", "Secret"),
    ("zeer_geheim", "Top secret"),
]


# The levels Klantinteracties calls "vertrouwelijk" (a yes/no there).
CONFIDENTIAL = ("vertrouwelijk", "confidentieel", "geheim", "zeer_geheim")


class GovContactMoment(models.Model):
    _name = "gov.contact.moment"
    _description = "Contact moment"
    _inherit = ["mail.thread"]
    _order = "occurred_at desc, id desc"
    _rec_name = "subject"
    _gov_text_limits = {"subject": 256, "summary": 20000}

    partner_id = fields.Many2one(
        "res.partner",
        string="Relation",
        required=True,
        index=True,
        ondelete="restrict",
        help="The relation this contact was with.",
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone", index=True)
    direction = fields.Selection(
        [("inbound", "Inbound"), ("outbound", "Outbound")],
        required=True,
        default="inbound",
        help="Inbound: the relation contacted us. Outbound: we contacted the relation.",
    )
    subject = fields.Char(required=True)
    summary = fields.Text()
    occurred_at = fields.Datetime(
        string="When", required=True, default=fields.Datetime.now, index=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Employee",
        default=lambda self: self.env.user,
        index=True,
        help="The employee who had the contact.",
    )
    confidentiality = fields.Selection(
        CONFIDENTIALITY_LEVELS, required=True, default="intern"
    )
    is_bulk = fields.Boolean(
        string="Mass send",
        help="Part of a mailing, press release or topic update to many relations: it "
        "is on the timeline but says nothing about who knows whom.",
    )
    res_model = fields.Char(
        string="Source model", index=True, help="Technical name of the source record."
    )
    res_id = fields.Many2oneReference(
        string="Source record", model_field="res_model", index=True
    )
    source_display = fields.Char(string="Source", compute="_compute_source_display")

    @api.model
    def _gov_source_models(self):
        """Models whose records may be the source of a contact moment.

        Each addon that produces contact moments adds its own models.
        """
        return {"res.partner"}

    @api.model_create_multi
    def create(self, vals_list):
        self._gov_check_sources(
            (vals.get("res_model"), vals.get("res_id")) for vals in vals_list
        )
        return super().create(vals_list)

    def write(self, vals):
        if {"res_model", "res_id"} & set(vals):
            self._gov_check_sources(
                (vals.get("res_model", m.res_model), vals.get("res_id", m.res_id))
                for m in self
            )
        return super().write(vals)

    @api.model
    def _gov_check_sources(self, pairs):
        """A person may only point a moment at a record of a source model that
        they can read: anything else would break the timeline of every reader
        and show them the name of a record they may not see. ``pairs`` are
        (res_model, res_id); one check per model, however large the batch."""
        if self.env.su:
            return
        ids_by_model = defaultdict(set)
        for model, res_id in pairs:
            if model or res_id:
                ids_by_model[model].add(res_id or 0)
        for model, ids in ids_by_model.items():
            if model not in self._gov_source_models() or model not in self.env:
                raise ValidationError(
                    self.env._(
                        "A contact moment cannot come from a record of type "
                        "“%(model)s”.",
                        model=model or "",
                    )
                )
            sources = self.env[model].browse(ids)
            if len(sources.exists()) != len(ids) or not sources.has_access("read"):
                raise AccessError(
                    self.env._(
                        "The source record of this contact moment does not exist "
                        "or you may not read it."
                    )
                )

    @api.depends("res_model", "res_id")
    @api.depends_context("uid")
    def _compute_source_display(self):
        readable = self._gov_readable_sources()
        for moment in self:
            source = readable.get((moment.res_model, moment.res_id))
            moment.source_display = source.display_name if source else False

    def _gov_readable_sources(self):
        """{(res_model, res_id): record} of the sources that exist and that the
        current user may read, one access check per model. A source they may
        not read is left out, never an error for the whole timeline."""
        allowed = self._gov_source_models()
        ids_by_model = defaultdict(set)
        for moment in self:
            if moment.res_model in allowed and moment.res_model in self.env:
                ids_by_model[moment.res_model].add(moment.res_id or 0)
        readable = {}
        for model, ids in ids_by_model.items():
            sources = self.env[model].browse(ids).exists()._filtered_access("read")
            readable.update(((model, source.id), source) for source in sources)
        return readable

    def action_gov_open(self):
        """The contact moment in its own form, where it is corrected with its
        own rights (the timeline on a relation is read-only history)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_open_source(self):
        self.ensure_one()
        source = self._gov_readable_sources().get((self.res_model, self.res_id))
        if not source:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": source._name,
            "res_id": source.id,
            "view_mode": "form",
        }
