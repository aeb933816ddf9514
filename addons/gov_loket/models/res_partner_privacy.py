from odoo import api, models


class ResPartner(models.Model):
    """The Loket's places of personal data (see gov_addressbook's registry)."""

    _inherit = "res.partner"

    @api.model
    def _gov_personal_data_places(self):
        _ = self.env._
        return [
            *super()._gov_personal_data_places(),
            {
                "key": "gov_loket.request",
                "model": "helpdesk.ticket",
                "label": _("Requests"),
                "find": "_gov_find_loket_requests",
                "fields": [
                    "number",
                    "name",
                    "description",
                    "partner_name",
                    "partner_email",
                    "category_id",
                    "channel_id",
                    "create_date",
                    "answer",
                    "answer_channel",
                    "answered_date",
                    "gov_mail_sender",
                    "gov_mail_origin",
                    "satisfaction_score",
                    "satisfaction_comment",
                ],
                # The request stays for the statistics (subject, channel,
                # dates, norm, satisfaction score); its texts go.
                "erase": "replace",
                "values": {
                    "name": _("Anonymised request"),
                    "description": _("Anonymised"),
                    "partner_name": False,
                    "partner_email": False,
                    "answer": False,
                    "gov_mail_sender": False,
                    "gov_mail_origin": False,
                    "gov_sender_check_detail": False,
                    "gov_sender_check_note": False,
                    "satisfaction_comment": False,
                },
            },
            {
                "key": "gov_loket.handover",
                "model": "gov.loket.handover",
                "label": _("Hand-overs"),
                "stage": 2,
                "find": "_gov_find_loket_handovers",
                "fields": [
                    "ticket_id",
                    "handed_over_at",
                    "from_user_id",
                    "to_user_id",
                    "note",
                    "return_reason",
                    "state",
                ],
                "erase": "clear",
                "erase_fields": ["note", "return_reason"],
            },
            {
                "key": "gov_loket.webform_submission",
                "model": "gov.loket.webform.submission",
                "label": _("Web form posts"),
                "stage": 2,
                "find": "_gov_find_loket_webform_posts",
                "fields": ["create_date", "email", "ip_address", "ticket_id"],
                "erase": "delete",
            },
        ]

    def _gov_find_loket_requests(self, place, found):
        """Requests of these relations, and those that only carry one of their
        e-mail addresses (sent before the relation was known)."""
        domain = [("partner_id", "in", self.ids)]
        emails = self._gov_emails()
        if emails:
            domain = ["|", ("partner_email", "in", emails), *domain]
        return (
            self.env["helpdesk.ticket"].with_context(active_test=False).search(domain)
        )

    def _gov_find_loket_handovers(self, place, found):
        tickets = found.get("helpdesk.ticket") or self.env["helpdesk.ticket"]
        return self.env["gov.loket.handover"].search([("ticket_id", "in", tickets.ids)])

    def _gov_find_loket_webform_posts(self, place, found):
        tickets = found.get("helpdesk.ticket") or self.env["helpdesk.ticket"]
        domain = [("ticket_id", "in", tickets.ids)]
        emails = self._gov_emails()
        if emails:
            domain = ["|", ("email", "in", emails), *domain]
        return self.env["gov.loket.webform.submission"].search(domain)
