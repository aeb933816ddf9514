"""Retention rules: how long a kind of record may be kept, as data.

Each addon declares the kinds of record it keeps (extend
:meth:`GovRetentionRule._gov_retention_kinds`, same style as the registry of
personal data) and ships default rules for them as XML data. A kind is a
plain dict:

``kind``           unique key, stored on the rule
``model``          the model of the records
``label``          translated name
``partner_field``  the field pointing at the relation (legal hold and open
                   requests or cases are checked through it), or ``False``
``filters``        names of rule fields that narrow the kind down; the record
                   field has the same name (e.g. ``channel``)
``domain``         records of the kind that never expire through a rule
                   (optional, e.g. only closed requests)
``anonymise``      values written when the rule anonymises; ``False`` when
                   the kind can only be deleted
``anonymised``     domain of the records already anonymised (skipped, so a
                   second run does nothing)
``scrub``          optional name of a rule method ``(records)`` erasing what
                   else hangs on anonymised records (chatter, activities and
                   attachments are erased for every kind)

Overlapping rules never shorten a longer term: a record is anonymised when
the terms of all matching anonymise rules have ended, and deleted when the
terms of all matching rules have ended.
"""

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from .gov_contact_moment import CHANNELS, CONFIDENTIALITY_LEVELS

DATE_TYPES = ("date", "datetime")


class GovRetentionRule(models.Model):
    _name = "gov.retention.rule"
    _description = "Retention rule"
    _order = "sequence, kind, id"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        selection="_selection_kind",
        string="Kind of record",
        required=True,
        help="Which records this rule applies to.",
    )
    model_name = fields.Char(compute="_compute_model_name")
    channel = fields.Selection(
        CHANNELS, help="Only contact moments on this channel (empty: every channel)."
    )
    confidentiality = fields.Selection(
        CONFIDENTIALITY_LEVELS,
        help="Only contact moments with this confidentiality (empty: every level).",
    )
    date_field_id = fields.Many2one(
        "ir.model.fields",
        string="Term starts at",
        required=True,
        ondelete="cascade",
        domain="[('model', '=', model_name), ('ttype', 'in', ('date', 'datetime')), "
        "('store', '=', True)]",
        help="The date of the record from which the term is counted.",
    )
    term_value = fields.Integer(string="Term", required=True, default=1)
    term_unit = fields.Selection(
        [("months", "Months"), ("years", "Years")],
        string="Term unit",
        required=True,
        default="years",
    )
    action = fields.Selection(
        [("delete", "Delete"), ("anonymise", "Anonymise")],
        string="At the end of the term",
        required=True,
        default="delete",
        help="Delete: the record is destroyed. Anonymise: the record stays for the "
        "statistics without anything that identifies the person.",
    )
    source = fields.Text(
        translate=True,
        help="Where the term comes from (selection list, law, policy decision).",
    )

    @api.model
    def _gov_retention_kinds(self):
        """Plain descriptors of every kind of record a rule may govern (see the
        module docstring). Extend and append."""
        _ = self.env._
        anonymous = self._gov_anonymous_partner_id()
        return [
            {
                "kind": "contact_moment",
                "model": "gov.contact.moment",
                "label": _("Contact moments"),
                "partner_field": "partner_id",
                "filters": ["channel", "confidentiality"],
                # The moment stays for the statistics (channel, direction, date)
                # on a relation that stands for nobody.
                "anonymise": {
                    "partner_id": anonymous,
                    "subject": _("Anonymised"),
                    "summary": False,
                    "user_id": False,
                    "res_model": False,
                    "res_id": False,
                },
                "anonymised": [("partner_id", "=", anonymous)],
            },
            {
                "kind": "public_form_submission",
                "model": "gov.public.form.submission",
                "label": _("Public form posts"),
                "partner_field": False,
                "filters": [],
                "anonymise": False,
            },
            {
                "kind": "processing_log",
                "model": "gov.processing.log",
                "label": _("Processing log"),
                "partner_field": "partner_id",
                "filters": [],
                "anonymise": False,
            },
        ]

    @api.model
    def _gov_anonymous_partner_id(self):
        """The relation that stands for nobody (anonymised records point at it)."""
        partner = self.env.ref(
            "gov_addressbook.partner_anonymised", raise_if_not_found=False
        )
        return partner.id if partner else False

    @api.model
    def _gov_registry_anonymous_values(self, place_key):
        """The values the registry of personal data writes when it erases a
        record of ``place_key``, and the record detached from its relation:
        retention anonymises exactly as an anonymisation on request does."""
        places = self.env["res.partner"]._gov_personal_data_places()
        place = next(p for p in places if p["key"] == place_key)
        return {**place["values"], "partner_id": self._gov_anonymous_partner_id()}

    @api.model
    def _gov_retention_kind_map(self):
        return {
            kind["kind"]: kind
            for kind in self._gov_retention_kinds()
            if kind["model"] in self.env
        }

    @api.model
    def _selection_kind(self):
        return [
            (key, kind["label"]) for key, kind in self._gov_retention_kind_map().items()
        ]

    @api.depends("kind")
    def _compute_model_name(self):
        kinds = self._gov_retention_kind_map()
        for rule in self:
            rule.model_name = kinds.get(rule.kind, {}).get("model", False)

    @api.constrains("kind", "date_field_id", "action", "term_value", "channel")
    def _check_rule(self):
        kinds = self._gov_retention_kind_map()
        for rule in self:
            kind = kinds.get(rule.kind)
            if not kind:
                raise ValidationError(self.env._("Unknown kind of record."))
            field = rule.date_field_id
            if (
                field.model != kind["model"]
                or field.ttype not in DATE_TYPES
                or not field.store
            ):
                raise ValidationError(
                    self.env._(
                        "The term of “%(rule)s” must start at a stored date of a "
                        "%(kind)s record.",
                        rule=rule.name,
                        kind=kind["label"],
                    )
                )
            if rule.term_value < 1:
                raise ValidationError(self.env._("A term is at least one month."))
            if rule.action == "anonymise" and not kind.get("anonymise"):
                raise ValidationError(
                    self.env._(
                        "%(kind)s cannot be anonymised, only deleted.",
                        kind=kind["label"],
                    )
                )
            unused = [
                name
                for name in self._gov_filter_fields()
                if rule[name] and name not in kind["filters"]
            ]
            if unused:
                raise ValidationError(
                    self.env._(
                        "%(kind)s cannot be narrowed down by %(fields)s.",
                        kind=kind["label"],
                        fields=", ".join(self._fields[n].string for n in unused),
                    )
                )

    @api.model
    def _gov_filter_fields(self):
        """Every rule field that narrows a kind down (union over the kinds)."""
        return sorted(
            {name for kind in self._gov_retention_kinds() for name in kind["filters"]}
        )

    # ------------------------------------------------------------------
    # what a rule selects
    # ------------------------------------------------------------------
    def _gov_cutoff(self, today):
        """Records whose date lies before this moment have ended their term."""
        self.ensure_one()
        delta = relativedelta(**{self.term_unit: self.term_value})
        return fields.Datetime.to_datetime(today - delta)

    def _gov_matches(self, kind):
        """Domain of the records this rule is about, whatever their date."""
        self.ensure_one()
        parts = [Domain(kind.get("domain") or [])]
        for name in kind["filters"]:
            value = self[name]
            if isinstance(value, models.BaseModel):
                value = value.id
            if value:
                parts.append(Domain(name, "=", value))
        return Domain.AND(parts)

    def _gov_expired_domain(self, today):
        """Domain of the records whose term under this rule has ended, that no
        other rule keeps longer, that are not under a legal hold nor linked to
        an open request or case, and (for anonymisation) not yet anonymised."""
        self.ensure_one()
        kind = self._gov_retention_kind_map()[self.kind]
        date = self.date_field_id.name
        parts = [self._gov_matches(kind), Domain(date, "<", self._gov_cutoff(today))]
        # Anonymising waits for the other anonymise rules only; deleting waits
        # for every rule (an anonymise rule keeps the record until its term).
        others = self.search(
            [("kind", "=", self.kind), ("id", "!=", self.id)]
            + ([("action", "=", "anonymise")] if self.action == "anonymise" else [])
        )
        for other in others:
            keeps = other._gov_matches(kind) & Domain(
                other.date_field_id.name, ">=", other._gov_cutoff(today)
            )
            parts.append(~keeps)
        if kind.get("partner_field"):
            blocked = self.env["res.partner"]._gov_retention_blocked_domain()
            parts.append(Domain(kind["partner_field"], "not any", blocked))
        if self.action == "anonymise" and kind.get("anonymised"):
            parts.append(~Domain(kind["anonymised"]))
        return Domain.AND(parts)
