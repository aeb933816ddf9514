from odoo import api, models
from odoo.exceptions import ValidationError


class Base(models.AbstractModel):
    """Clear refusals for values the database or the ORM would reject with a
    raw technical error, on every model and every entry point (form, import,
    XML-RPC, JSON-2): a wrong selection value, a date that is no date, a NUL
    byte, a text longer than the model allows. The sentence names the field
    and what it accepts, and nothing is written.

    A model sets its text limits in ``_gov_text_limits`` ({field: max chars}).
    """

    _inherit = "base"

    _gov_text_limits = {}

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._gov_check_input(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._gov_check_input(vals)
        return super().write(vals)

    @api.model
    def _gov_check_input(self, vals):
        if not isinstance(vals, dict):
            return
        for name, value in vals.items():
            field = self._fields.get(name)
            # Empty values ("" included: Odoo's mail code writes one for "no
            # failure") are stored as NULL, never refused.
            if field is None or not value:
                continue
            if field.type == "selection":
                self._gov_check_selection(field, value)
            elif field.type in ("date", "datetime"):
                self._gov_check_temporal(field, value)
            elif field.type in ("char", "text", "html") and isinstance(value, str):
                self._gov_check_text(field, value)

    def _gov_field_label(self, field):
        return field._description_string(self.env)

    def _gov_check_selection(self, field, value):
        if not isinstance(field.selection, list):
            return  # computed per record or context: Odoo validates those itself
        allowed = field.get_values(self.env)
        if value in allowed:
            return
        raise ValidationError(
            self.env._(
                "“%(value)s” is not a valid value for %(field)s. Allowed values: "
                "%(allowed)s.",
                value=str(value)[:80],
                field=self._gov_field_label(field),
                allowed=", ".join(str(key) for key in allowed),
            )
        )

    def _gov_check_temporal(self, field, value):
        try:
            field.convert_to_cache(value, self)
        except (ValueError, TypeError) as error:
            example = "2026-12-31" if field.type == "date" else "2026-12-31 13:45:00"
            raise ValidationError(
                self.env._(
                    "“%(value)s” is not a valid %(kind)s for %(field)s: use the form "
                    "%(example)s.",
                    value=str(value)[:80],
                    kind=self.env._("date")
                    if field.type == "date"
                    else self.env._("date and time"),
                    field=self._gov_field_label(field),
                    example=example,
                )
            ) from error

    def _gov_check_text(self, field, value):
        if "\x00" in value:
            raise ValidationError(
                self.env._(
                    "%(field)s contains a NUL character, which cannot be stored. "
                    "Remove it and try again.",
                    field=self._gov_field_label(field),
                )
            )
        limit = self._gov_text_limits.get(field.name)
        if limit and len(value) > limit:
            raise ValidationError(
                self.env._(
                    "%(field)s is too long: at most %(limit)s characters, this one "
                    "has %(length)s.",
                    field=self._gov_field_label(field),
                    limit=limit,
                    length=len(value),
                )
            )
