from odoo import api, fields, models


class ResPartner(models.Model):
    """The campaign places of personal data (see gov_addressbook's registry).

    Consent proof outlives the person: the consent log keeps its lines, with
    the e-mail address and network address replaced by a keyed hash
    (``res.partner._gov_privacy_hash``). Whoever later shows the address can
    be matched to the proof; nobody can read the address back.
    """

    _inherit = "res.partner"

    @api.model
    def _gov_personal_data_places(self):
        _ = self.env._
        return [
            *super()._gov_personal_data_places(),
            {
                "key": "gov_campagne.consent_log",
                "model": "gov.topic.consent.log",
                "label": _("Consent log"),
                "find": "partner_id",
                "fields": ["date", "topic_id", "action", "source", "email", "ip"],
                # Listed before the subscriptions: erased after them (the
                # erasure walks a stage backwards), so the withdrawal they log
                # is hashed too.
                "erase": "custom",
                "eraser": "_gov_erase_consent_log",
                "legal_ground": _(
                    "AVG art. 7(1): proof of consent. The address is kept as a "
                    "keyed hash only."
                ),
                "keep_columns": [
                    ("gov_topic_consent_log", "email"),
                    ("gov_topic_consent_log", "ip"),
                ],
            },
            {
                "key": "gov_campagne.topic_subscription",
                "model": "gov.topic.subscription",
                "label": _("Topic subscriptions"),
                "find": "partner_id",
                "fields": [
                    "topic_id",
                    "state",
                    "source",
                    "requested_at",
                    "confirmed_at",
                    "withdrawn_at",
                ],
                # Withdrawn, not deleted: the topic's figures stay.
                "erase": "custom",
                "eraser": "_gov_erase_topic_subscriptions",
            },
            {
                "key": "gov_campagne.event_registration",
                "model": "event.registration",
                "label": _("Event registrations"),
                "find": "_gov_find_event_registrations",
                "fields": [
                    "event_id",
                    "name",
                    "email",
                    "phone",
                    "company_name",
                    "state",
                    "create_date",
                ],
                # Kept for the attendance figures, without who it was.
                "erase": "replace",
                "values": {
                    "name": _("Anonymised"),
                    "email": False,
                    "phone": False,
                    "company_name": False,
                },
            },
            {
                "key": "gov_campagne.mailing_trace",
                "model": "mailing.trace",
                "label": _("Mailings received"),
                "find": "_gov_find_mailing_traces",
                "fields": [
                    "mass_mailing_id",
                    "email",
                    "trace_status",
                    "sent_datetime",
                    "open_datetime",
                ],
                # Kept for the mailing's statistics, without the address.
                "erase": "clear",
                "erase_fields": ["email"],
            },
            {
                "key": "gov_campagne.mailing_contact",
                "model": "mailing.contact",
                "label": _("Mailing list contacts"),
                "find": "_gov_find_by_email",
                "fields": ["name", "email", "company_name", "list_ids"],
                "erase": "delete",
            },
            {
                "key": "gov_campagne.sms",
                "model": "sms.sms",
                "label": _("Text messages"),
                "find": "partner_id",
                "fields": ["number", "body", "state"],
                "erase": "delete",
            },
        ]

    def _gov_find_event_registrations(self, place, found):
        domain = [("partner_id", "in", self.ids)]
        emails = self._gov_emails()
        if emails:
            domain = ["|", ("email", "in", emails), *domain]
        return (
            self.env["event.registration"]
            .with_context(active_test=False)
            .search(domain)
        )

    def _gov_find_mailing_traces(self, place, found):
        domain = ["&", ("model", "=", "res.partner"), ("res_id", "in", self.ids)]
        emails = self._gov_emails()
        if emails:
            domain = ["|", ("email", "in", emails), *domain]
        return self.env["mailing.trace"].search(domain)

    def _gov_erase_topic_subscriptions(self, records, place):
        active = records.filtered(lambda sub: sub.state != "withdrawn")
        if active:
            active._consent_write(
                {"state": "withdrawn", "withdrawn_at": fields.Datetime.now()}
            )
            self.env["gov.topic.consent.log"]._log_consent(active, "withdraw", "staff")
        return []

    def _gov_erase_consent_log(self, records, place):
        # The subscriptions erased just before logged their withdrawal.
        lines = records | records.search([("partner_id", "in", self.ids)])
        for line in lines:
            line.write(
                {
                    "email": self._gov_privacy_hash(line.email),
                    "ip": self._gov_privacy_hash(line.ip),
                }
            )
        return []
