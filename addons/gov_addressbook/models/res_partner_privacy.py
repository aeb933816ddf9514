"""The registry of personal data: every place where we keep data about a relation.

Each addon extends :meth:`ResPartner._gov_personal_data_places` and appends
plain descriptors (dicts) for its own places. The access request (export), the
anonymisation and retention all walk this one list, so an addon that adds a
place adds it once. A descriptor has these keys:

``key``          unique name, ``<addon>.<place>``
``model``        the model holding the data (the place is skipped when the model
                 is not installed)
``label``        translated name shown in the export and the report
``find``         how the records of the relations are found: the name of a field
                 pointing at ``res.partner`` (``"partner_id"``, ``"id"``), or the
                 name of a ``res.partner`` method ``(place, found) -> records``
                 (``found`` maps model names to the records found so far)
``stage``        1 (default) for places found from the relation itself, 2 for
                 places on the records of stage 1 (chatter, activities, mails),
                 3 for places on the records of stages 1 and 2 (attachments)
``fields``       the fields listed in the export
``erase``        ``clear`` (empty ``erase_fields``, default ``fields``),
                 ``replace`` (write ``values``), ``delete``, ``keep`` (with a
                 ``legal_ground``) or ``custom`` (``eraser``: the name of a
                 ``res.partner`` method ``(records, place) -> [manual actions]``)
``keep_columns`` for ``keep``/``custom``: the ``(table, column)`` pairs that
                 may still hold a trace on purpose (e.g. a keyed hash)

All finders and erasers run as superuser: the wizards check the privacy
officer's rights first and log the processing.
"""

import contextlib
import hashlib
import hmac
import os
import secrets

from odoo import api, models
from odoo.tools import SQL, config, email_normalize

from ..privacy_export import EXPORT_PARTNER_FIELDS
from ..server_context import server_flags

HASH_KEY_PARAM = "gov_addressbook.privacy_hash_key"
ERASE_METHODS = ("clear", "replace", "delete", "keep", "custom")
# Context for every write of the erasure: no tracking values (they would hold
# the old value), no chatter notes, no mails.
QUIET = {
    "tracking_disable": True,
    "mail_notrack": True,
    "mail_create_nolog": True,
    "mail_auto_subscribe_no_notify": True,
    "active_test": False,
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    # ------------------------------------------------------------------
    # the registry
    # ------------------------------------------------------------------
    @api.model
    def _gov_personal_data_places(self):
        """Plain descriptors of every place holding personal data about a
        relation (see the module docstring). Extend and append."""
        _ = self.env._
        return [
            {
                "key": "gov_addressbook.relation",
                "model": "res.partner",
                "label": _("Relation"),
                "find": "id",
                "fields": self._gov_export_partner_fields(),
                "erase": "custom",
                "eraser": "_gov_erase_relation",
            },
            {
                "key": "gov_addressbook.bank_account",
                "model": "res.partner.bank",
                "label": _("Bank accounts"),
                "find": "partner_id",
                "fields": ["acc_number", "acc_holder_name", "bank_id"],
                "erase": "custom",
                "eraser": "_gov_erase_bank_accounts",
            },
            {
                "key": "gov_addressbook.contact_moment",
                "model": "gov.contact.moment",
                "label": _("Contact moments"),
                "find": "partner_id",
                "fields": [
                    "occurred_at",
                    "channel",
                    "direction",
                    "subject",
                    "summary",
                    "confidentiality",
                    "user_id",
                ],
                # The moment stays for the statistics (channel, direction, date).
                "erase": "replace",
                "values": {"subject": _("Anonymised"), "summary": False},
            },
            {
                "key": "gov_addressbook.processing_log",
                "model": "gov.processing.log",
                "label": _("Processing log"),
                "find": "partner_id",
                "fields": [
                    "occurred_at",
                    "user_id",
                    "activity",
                    "purpose",
                    "fields_accessed",
                    "origin",
                ],
                "erase": "keep",
                "legal_ground": _(
                    "AVG art. 5(2) and 30: accountability for every processing. "
                    "A line holds field names and the relation's ID, no values."
                ),
            },
            {
                "key": "gov_addressbook.public_form_submission",
                "model": "gov.public.form.submission",
                "label": _("Public form posts"),
                "find": "_gov_find_by_email",
                "email_field": "email",
                "fields": ["create_date", "scope", "email", "ip_address"],
                "erase": "delete",
            },
            {
                "key": "gov_addressbook.access_request",
                "model": "gov.partner.export",
                "label": _("Earlier access requests"),
                "find": "partner_id",
                "fields": ["create_date", "create_uid"],
                # Their files are found (and erased) with the attachments.
                "erase": "delete",
            },
            {
                "key": "gov_addressbook.anonymise_request",
                "model": "gov.partner.anonymise",
                "label": _("Earlier anonymisation attempts"),
                "find": "partner_id",
                "fields": ["create_date", "create_uid", "confirm_name"],
                # A mistyped confirmation is a name too.
                "erase": "clear",
                "erase_fields": ["confirm_name"],
            },
            {
                "key": "mail.blacklist",
                "model": "mail.blacklist",
                "label": _("Objection to mailings"),
                "find": "_gov_find_by_email",
                "fields": ["email", "create_date", "active"],
                "erase": "keep",
                "legal_ground": _(
                    "AVG art. 21(3): an objection to mailings is honoured for good, "
                    "so the address stays on the block list."
                ),
                "keep_columns": [("mail_blacklist", "email")],
            },
            {
                "key": "mail.activity",
                "model": "mail.activity",
                "label": _("Activities"),
                "stage": 2,
                "find": "_gov_find_on_records",
                "res_fields": ("res_model", "res_id"),
                "fields": ["res_model", "date_deadline", "summary", "note", "user_id"],
                "erase": "delete",
            },
            {
                "key": "mail.message",
                "model": "mail.message",
                "label": _("Messages and notes"),
                "stage": 2,
                "find": "_gov_find_messages",
                "fields": [
                    "date",
                    "message_type",
                    "model",
                    "res_id",
                    "subject",
                    "body",
                    "author_id",
                    "email_from",
                ],
                # Tracking values, notifications and mails go with them (cascade).
                "erase": "delete",
            },
            {
                "key": "mail.tracking.value",
                "model": "mail.tracking.value",
                "label": _("Change history"),
                "stage": 2,
                "find": "_gov_find_tracking_values",
                "fields": [
                    "mail_message_id",
                    "field_id",
                    "old_value_char",
                    "new_value_char",
                    "old_value_text",
                    "new_value_text",
                    "old_value_datetime",
                    "new_value_datetime",
                ],
                "erase": "delete",
            },
            {
                "key": "mail.mail",
                "model": "mail.mail",
                "label": _("Outgoing e-mails"),
                "stage": 2,
                "find": "_gov_find_mails",
                "fields": ["date", "email_to", "email_cc", "subject", "body_html"],
                "erase": "delete",
            },
            {
                "key": "mail.notification",
                "model": "mail.notification",
                "label": _("Delivery notices"),
                "stage": 2,
                "find": "res_partner_id",
                "fields": ["mail_message_id", "notification_type", "failure_reason"],
                "erase": "delete",
            },
            {
                "key": "mail.followers",
                "model": "mail.followers",
                "label": _("Followed records"),
                "stage": 2,
                "find": "partner_id",
                "fields": ["res_model", "res_id"],
                "erase": "delete",
            },
            {
                "key": "bus.bus",
                "model": "bus.bus",
                "label": _("Live notifications"),
                "stage": 2,
                "find": "_gov_find_bus_messages",
                "fields": ["create_date", "channel"],
                "erase": "delete",
            },
            {
                "key": "ir.attachment",
                "model": "ir.attachment",
                "label": _("Attachments"),
                "stage": 3,
                "find": "_gov_find_attachments",
                "fields": ["name", "mimetype", "file_size", "res_model", "res_id"],
                # Unlinked and their files removed from the filestore at once.
                "erase": "custom",
                "eraser": "_gov_erase_attachments",
            },
        ]

    @api.model
    def _gov_export_partner_fields(self):
        return [name for name in EXPORT_PARTNER_FIELDS if name in self._fields]

    @api.model
    def _gov_privacy_places(self):
        """The registry's places whose model is installed, by stage."""
        places = [
            place
            for place in self._gov_personal_data_places()
            if place["model"] in self.env
        ]
        for place in places:
            if place.get("erase", "keep") not in ERASE_METHODS:
                raise ValueError(f"{place['key']}: unknown erase method")
        return sorted(places, key=lambda place: place.get("stage", 1))

    def _gov_privacy_find(self):
        """``[(place, records)]`` for every place, records as superuser; a model
        found in several places is reported in each."""
        # sudo: the finders must see every record about these relations,
        # whatever the caller's groups; callers are the privacy wizards (which
        # check the privacy officer's group) and the retention job.
        partners = self.sudo().with_context(active_test=False)
        found = {}
        result = []
        for place in partners._gov_privacy_places():
            finder = place.get("find", "partner_id")
            Model = self.env[place["model"]].sudo().with_context(active_test=False)
            if finder.startswith("_"):
                records = getattr(partners, finder)(place, dict(found))
            else:
                records = Model.search([(finder, "in", partners.ids)])
            records = records.sudo().with_context(active_test=False)
            result.append((place, records))
            found[place["model"]] = found.get(place["model"], Model.browse()) | records
        return result

    # ------------------------------------------------------------------
    # finders of the core places
    # ------------------------------------------------------------------
    def _gov_emails(self):
        return sorted({email_normalize(p.email) for p in self if p.email} - {False})

    def _gov_find_by_email(self, place, found):
        Model = self.env[place["model"]].sudo()
        emails = self._gov_emails()
        if not emails:
            return Model
        field = place.get("email_field", "email")
        return Model.search([(field, "in", emails + [e.upper() for e in emails])])

    @api.model
    def _gov_record_domain(self, found, model_field, id_field):
        """A domain matching ``(model, id)`` of every record found so far."""
        domains = [
            ["&", (model_field, "=", model), (id_field, "in", records.ids)]
            for model, records in found.items()
            if records and model not in ("mail.message", "mail.mail", "ir.attachment")
        ]
        if not domains:
            return [("id", "=", 0)]
        return ["|"] * (len(domains) - 1) + [leaf for dom in domains for leaf in dom]

    def _gov_find_on_records(self, place, found):
        model_field, id_field = place.get("res_fields", ("res_model", "res_id"))
        return self.env[place["model"]].search(
            self._gov_record_domain(found, model_field, id_field)
        )

    def _gov_find_messages(self, place, found):
        Message = self.env["mail.message"]
        domain = self._gov_record_domain(found, "model", "res_id")
        domain = ["|", ("author_id", "in", self.ids), *domain]
        for email in self._gov_emails():
            domain = ["|", ("email_from", "ilike", email), *domain]
        return Message.search(domain)

    def _gov_find_tracking_values(self, place, found):
        """Tracking values of the messages found, and those on other records
        that name the relation (e.g. a request handed from one relation to
        another)."""
        messages = self._gov_find_messages(place, found)
        Tracking = self.env["mail.tracking.value"]
        partner_fields = self.env["ir.model.fields"].search(
            [("ttype", "=", "many2one"), ("relation", "=", "res.partner")]
        )
        return Tracking.search(
            [
                "|",
                ("mail_message_id", "in", messages.ids),
                "&",
                ("field_id", "in", partner_fields.ids),
                "|",
                ("old_value_integer", "in", self.ids),
                ("new_value_integer", "in", self.ids),
            ]
        )

    def _gov_find_mails(self, place, found):
        messages = self._gov_find_messages(place, found)
        domain = [
            "|",
            ("mail_message_id", "in", messages.ids),
            ("recipient_ids", "in", self.ids),
        ]
        for email in self._gov_emails():
            domain = ["|", ("email_to", "ilike", email), *domain]
        return self.env["mail.mail"].search(domain)

    def _gov_find_bus_messages(self, place, found):
        """Live notifications are short-lived (the bus clears them after a
        minute), but until then they hold names and addresses."""
        values = [v for p in self for v in (p.name, p.email) if v and len(v) > 3]
        if not values:
            return self.env["bus.bus"]
        domain = ["|"] * (len(values) - 1) + [("message", "ilike", v) for v in values]
        return self.env["bus.bus"].search(domain)

    def _gov_find_attachments(self, place, found):
        messages = found.get("mail.message") or self.env["mail.message"]
        record_domain = self._gov_record_domain(found, "res_model", "res_id")
        # Binary fields stored as attachments (the picture) count too: the
        # default search leaves them out unless res_field is in the domain.
        domain = [
            "&",
            "|",
            ("res_field", "=", False),
            ("res_field", "!=", False),
            *record_domain,
        ]
        return self.env["ir.attachment"].search(domain) | messages.attachment_ids

    # ------------------------------------------------------------------
    # erasure
    # ------------------------------------------------------------------
    def _gov_privacy_erase(self, found=None):
        """Erase what the registry finds about these relations. Returns the
        report: ``{"places": [...], "manual": [...]}`` without personal data.
        Call as superuser after checking the rights and the confirmation."""
        found = found if found is not None else self._gov_privacy_find()
        report = {"places": [], "manual": []}
        # Later stages first: attachments and chatter hang on the records of
        # stage 1, which may be deleted below.
        with server_flags(gov_privacy_erasure=True):
            for place, records in reversed(found):
                records = records.exists().with_context(**QUIET)
                method = place.get("erase", "keep")
                count = len(records)
                if records and method == "clear":
                    names = place.get("erase_fields") or place.get("fields", [])
                    records.write(dict.fromkeys(names, False))
                elif records and method == "replace":
                    records.write(place["values"])
                elif records and method == "delete":
                    records.unlink()
                elif records and method == "custom":
                    report["manual"] += getattr(self, place["eraser"])(records, place)
                report["places"].append(
                    {
                        "key": place["key"],
                        "label": place["label"],
                        "erase": method,
                        "count": count,
                        "legal_ground": place.get("legal_ground") or "",
                    }
                )
            # Recompute what the erasure changed now, in the quiet context.
            self.with_context(**QUIET).env.flush_all()
        report["places"].reverse()
        return report

    def _gov_erase_relation(self, records, place):
        records._gov_anonymise_relation()
        return []

    def _gov_erase_bank_accounts(self, records, place):
        # Archived, never deleted (journal entries may point to them), so their
        # number and holder are scrubbed instead.
        for bank in records:
            bank.write(
                {
                    "acc_number": f"anonymised-{bank.id}",
                    "acc_holder_name": False,
                    "active": False,
                }
            )
        return []

    def _gov_erase_attachments(self, records, place):
        records.with_context(**QUIET)._gov_unlink_now()
        return []

    # ------------------------------------------------------------------
    # keyed hash for proof that must outlive the person's data
    # ------------------------------------------------------------------
    @api.model
    def _gov_privacy_hash(self, value):
        """``hmac-sha256:<hex>`` of the normalised ``value`` (an e-mail
        address), keyed with the server's secret: proof that the address gave
        consent can be checked when the person shows it again, but the address
        cannot be read back nor guessed from a list of addresses without the
        key. The key is ``gov_privacy_hash_key`` in the server configuration,
        else a random system parameter made on first use."""
        if not value:
            return False
        key = config.get("gov_privacy_hash_key")
        if not key:
            # sudo: reads (and once creates) the hashing key, a system
            # parameter nobody else reads; it never leaves the server.
            params = self.env["ir.config_parameter"].sudo()
            key = params.get_param(HASH_KEY_PARAM)
            if not key:
                key = secrets.token_hex(32)
                params.set_param(HASH_KEY_PARAM, key)
        normalised = (email_normalize(value) or value).strip().lower()
        digest = hmac.new(key.encode(), normalised.encode(), hashlib.sha256)
        return f"hmac-sha256:{digest.hexdigest()}"


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _gov_unlink_now(self):
        """Unlink these attachments and remove their files from the filestore
        now, not at the next garbage collection. A file still used by another
        attachment (same content) stays. Should the transaction be rolled back
        afterwards, the rows come back without their file: acceptable for data
        we were told to erase."""
        fnames = {fname for fname in self.mapped("store_fname") if fname}
        self.unlink()
        self.env.flush_all()
        if not fnames:
            return
        self.env.cr.execute(
            SQL(
                "SELECT store_fname FROM ir_attachment WHERE store_fname IN %s",
                tuple(fnames),
            )
        )
        still_used = {row[0] for row in self.env.cr.fetchall()}
        for fname in fnames - still_used:
            for path in (
                self._full_path(fname),
                os.path.join(self._full_path("checklist"), fname),
            ):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
