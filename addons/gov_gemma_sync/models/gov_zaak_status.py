from odoo import fields, models

DEFAULT_CONFIDENTIALITY = "intern"


class GovZaak(models.Model):
    """Status changes reported by the case system reach the relations' timelines."""

    _inherit = "gov.zaak"

    def _zgw_apply_remote(self, values, notify_manager=False):
        """Write fresh values of the case system; log a status change once.

        Returns True when the status changed or the case was closed. A second
        delivery of the same change finds the status already stored and logs
        nothing, which makes notification processing idempotent.
        """
        self.ensure_one()
        old_status, was_closed = self.status, bool(self.einddatum)
        self.write(dict(values, synced_at=fields.Datetime.now()))
        closed = bool(self.einddatum) and not was_closed
        changed = (self.status or False) != (old_status or False)
        if not changed and not closed:
            return False
        status = (changed and self.status_description) or None
        self._zgw_log_status_change(status, closed, notify_manager)
        return True

    def _zgw_status_subject(self, status, closed):
        """Subject in the language of the current context."""
        self.ensure_one()
        if not status:
            status = self.env._("closed") if closed else self.env._("changed")
        return self.env._(
            "Case %(number)s: %(status)s",
            number=self.identificatie or self.url,
            status=status,
        )

    def _zgw_log_status_change(self, status, closed, notify_manager=False):
        """One "case status changed" contact moment per linked relation.

        The subject is written in the relation's language (the job runs as
        the system user, whose language says nothing about the readers).
        """
        self.ensure_one()
        summary = self.omschrijving or ""
        # sudo: the change comes from the case system, not from a user; the
        # moments carry the case's own confidentiality, so the record rules
        # on contact moments keep confidential cases hidden as before.
        Moment = self.env["gov.contact.moment"].sudo()
        confidentiality = self.vertrouwelijkheidaanduiding or DEFAULT_CONFIDENTIALITY
        Moment.create(
            [
                {
                    "partner_id": partner.id,
                    "channel": "other",
                    "direction": "outbound",
                    "subject": self.with_context(
                        lang=partner.lang or self.env.lang
                    )._zgw_status_subject(status, closed),
                    "summary": summary,
                    "occurred_at": fields.Datetime.now(),
                    "user_id": False,
                    "confidentiality": confidentiality,
                    "res_model": self._name,
                    "res_id": self.id,
                    "zaak_id": self.id,
                }
                for partner in self.partner_ids
            ]
        )
        if notify_manager:
            self._zgw_notify_relationship_managers(status, closed)

    def _zgw_notify_relationship_managers(self, status, closed):
        self.ensure_one()
        for partner in self.partner_ids.filtered("relationship_manager_id"):
            manager = partner.relationship_manager_id
            zaak = self.with_context(lang=manager.lang or self.env.lang)
            subject = zaak._zgw_status_subject(status, closed)
            # sudo: scheduled by the system for the manager, who reads the
            # relation; the to-do only names the case and its new status.
            partner.sudo().activity_schedule(
                "mail.mail_activity_data_todo",
                summary=subject[:250],
                note=zaak.env._(
                    "The case system reports a new status for case %(number)s "
                    "of %(relation)s.",
                    number=self.identificatie or self.url,
                    relation=partner.display_name,
                ),
                user_id=manager.id,
            )
