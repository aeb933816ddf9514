import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..zgw import ZgwError
from ..zgw.erasure import ORDER, delete_copy, partij_digitale_adressen
from .gov_contact_moment import MAX_ATTEMPTS, TRANSIENT, retry_delay

_logger = logging.getLogger(__name__)

RESOURCES = [
    ("internetaak", "Internal task"),
    ("klantcontact", "Klantcontact"),
    ("digitaal_adres", "Digital address"),
    ("partij", "Partij"),
]
STATES = [
    ("pending", "Still to erase"),
    ("done", "Erased in the register"),
    ("manual", "Erase by hand"),
]


class GovZgwErasure(models.Model):
    """One copy of a relation's data in the Klantinteracties register that
    its anonymisation erases there.

    The anonymisation (done locally) plans these lines and queues a job per
    relation; the job deletes the copies through the API, retries while the
    service is down, and clears our references once a copy is gone. Without
    a connection the line says to erase the copy by hand. A line holds the
    register's ids and our error sentence only: no personal data.
    """

    _name = "gov.zgw.erasure"
    _description = "Copy to erase in Klantinteracties"
    _order = "partner_ref, sequence, id"
    _rec_name = "register_uuid"

    report_id = fields.Many2one(
        "gov.privacy.erasure.report",
        string="Anonymisation report",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
    )
    partner_ref = fields.Integer(string="Relation ID", readonly=True, index=True)
    resource = fields.Selection(RESOURCES, string="Copy", required=True, readonly=True)
    sequence = fields.Integer(readonly=True)
    register_uuid = fields.Char(string="Register ID", required=True, readonly=True)
    url = fields.Char(string="Register URL", readonly=True)
    service_id = fields.Many2one(
        "gov.zgw.service", string="Connection", readonly=True, ondelete="set null"
    )
    state = fields.Selection(
        STATES, string="Status", required=True, default="pending", readonly=True
    )
    reason = fields.Char(readonly=True)
    attempts = fields.Integer(readonly=True)
    erased_at = fields.Datetime(string="Erased on", readonly=True)

    # --- planning (inside the anonymisation) ------------------------------

    @api.model
    def _gov_plan(self, partner_ref, copies):
        """Lines for ``copies`` (``(resource, uuid, url)``) of one relation,
        queued for erasure when a Klantinteracties connection exists."""
        service = self.env["gov.zgw.service"]._get_service("klantinteracties")
        manual = self.env._(
            "No Klantinteracties connection is configured: erase it in the "
            "register by hand."
        )
        vals_list = [
            {
                "partner_ref": partner_ref,
                "resource": resource,
                "sequence": ORDER.index(resource),
                "register_uuid": uuid,
                "url": url
                or (service._gov_copy_url(resource, uuid) if service else False),
                "service_id": service.id,
                "state": "pending" if service else "manual",
                "reason": False if service else manual,
            }
            for resource, uuid, url in copies
        ]
        # sudo: nobody may create these lines; only the anonymisation plans
        # them, with the register's ids of the relation being anonymised.
        lines = self.sudo().create(vals_list)
        lines.filtered(lambda line: line.state == "pending")._gov_enqueue()
        return lines

    def _gov_enqueue(self, eta=None):
        """One job per relation; its arguments are these lines' ids only.

        The job erases every pending copy of its relation, and its identity
        is the relation: while one waits, queueing lines of the same relation
        again adds no second job (the waiting one takes them along).
        """
        for partner_ref in set(self.mapped("partner_ref")):
            lines = self.filtered(lambda line, ref=partner_ref: line.partner_ref == ref)
            lines.with_delay(
                eta=eta,
                identity_key=f"gov.zgw.erasure:relation:{partner_ref}",
                description=f"Erase Klantinteracties copies of relation {partner_ref}",
            )._gov_erase()

    def _gov_try_again(self):
        """Queue the erasure of these by-hand copies again (Try again), once
        the connection is repaired or the register's rights are fixed.

        The lines go back to pending with a fresh series of attempts, on the
        current connection when theirs is gone, and leave the report's list of
        work by hand; a new refusal puts them back there with its reason.
        Returns the lines queued again.
        """
        # sudo: only the bookkeeping of by-hand copies is written; the caller
        # checked that the user is a privacy officer.
        lines = self.sudo().filtered(lambda line: line.state == "manual")
        if not lines:
            return lines
        # sudo (through the lines): the connection is only used to erase.
        service = lines.env["gov.zgw.service"]._get_service("klantinteracties")
        if not service:
            raise UserError(
                self.env._(
                    "No Klantinteracties connection is configured: repair the "
                    "connection first. Nothing was queued."
                )
            )
        lines.filtered(lambda line: not line.service_id.active).service_id = service
        lines.write({"state": "pending", "reason": False, "attempts": 0})
        lines._gov_unlist_manual()
        lines._gov_enqueue()
        return lines

    def _gov_unlist_manual(self):
        """Take these copies off their report's list of work by hand (the
        sentences name the copy's register id, in whatever language)."""
        for report in self.report_id:
            uuids = self.filtered(
                lambda line, report=report: line.report_id == report
            ).mapped("register_uuid")
            items = (report.manual_items or "").split("\n")
            kept = [
                item for item in items if item and not any(u in item for u in uuids)
            ]
            removed = len([item for item in items if item]) - len(kept)
            # Written as superuser (the lines are sudo), like _gov_give_up.
            report.write(
                {
                    "manual_items": "\n".join(kept),
                    "manual_count": max(report.manual_count - removed, 0),
                }
            )

    # --- the job ----------------------------------------------------------

    def _gov_erase(self):
        """Job: delete the pending copies in order; a service that is down
        leaves them pending with the reason and queues a retry."""
        # sudo: the job only deletes the copies planned by an anonymisation
        # and writes their bookkeeping; the queued user may not write lines.
        # Every pending copy of the relation: lines queued again while this
        # job waited were not given a job of their own (see _gov_enqueue).
        mine = self.sudo().exists()
        lines = mine.search(
            [
                ("partner_ref", "in", mine.mapped("partner_ref")),
                ("state", "=", "pending"),
            ]
        )
        clients = {}
        for line in lines.sorted(lambda line: (line.sequence, line.id)):
            if line.state != "pending":
                continue
            service = line.service_id
            if not service.active:
                line._gov_give_up(
                    self.env._("The Klantinteracties connection was removed.")
                )
                continue
            try:
                client = clients.get(service.id) or service._zgw_client()
                clients[service.id] = client
                if line.resource == "partij":
                    line._gov_erase_digitale_adressen(client)
                line._gov_delete(client)
            except ZgwError as error:
                message = service._error_message(error)
                if isinstance(error, TRANSIENT):
                    # Digitale adressen found on the way are retried too.
                    pending = lines.search(
                        [
                            ("partner_ref", "in", lines.mapped("partner_ref")),
                            ("state", "=", "pending"),
                        ]
                    )
                    return pending._gov_retry_later(message)
                line._gov_give_up(message)
        return "Erased."

    def _gov_delete(self, client):
        self.ensure_one()
        url = self.url or self.service_id._gov_copy_url(
            self.resource, self.register_uuid
        )
        delete_copy(client, url)
        self.write(
            {
                "state": "done",
                "reason": False,
                "attempts": self.attempts + 1,
                "erased_at": fields.Datetime.now(),
            }
        )
        self._gov_clear_references()

    def _gov_erase_digitale_adressen(self, client):
        """The partij's digitale adressen go first, each on a line of its own."""
        self.ensure_one()
        for adres in partij_digitale_adressen(client, self.register_uuid):
            line = self.search(
                [
                    ("partner_ref", "=", self.partner_ref),
                    ("resource", "=", "digitaal_adres"),
                    ("register_uuid", "=", adres["uuid"]),
                ],
                limit=1,
            ) or self.create(
                {
                    "report_id": self.report_id.id,
                    "partner_ref": self.partner_ref,
                    "resource": "digitaal_adres",
                    "sequence": ORDER.index("digitaal_adres"),
                    "register_uuid": adres["uuid"],
                    "url": adres["url"],
                    "service_id": self.service_id.id,
                }
            )
            if line.state == "pending":
                line._gov_delete(client)

    def _gov_retry_later(self, message):
        attempts = max(self.mapped("attempts")) + 1
        if attempts >= MAX_ATTEMPTS:
            return self._gov_give_up(message)
        self.write({"reason": message, "attempts": attempts})
        self._gov_enqueue(eta=retry_delay(attempts))
        _logger.warning(
            "Erasing %s Klantinteracties copies failed (attempt %s): %s",
            len(self),
            attempts,
            message,
        )
        return message

    def _gov_give_up(self, message):
        """The register refused (or kept failing): erase by hand. The kept
        report lists these copies under "To erase by hand" too."""
        self.write({"state": "manual", "reason": message})
        for report in self.report_id:
            items = self.filtered(
                lambda line, report=report: line.report_id == report
            )._gov_manual_lines()
            # Written as superuser (the job's lines are sudo): the one change
            # of a kept report besides "done by hand", without personal data.
            report.write(
                {
                    "manual_items": "\n".join(
                        filter(None, [report.manual_items, *items])
                    ),
                    "manual_count": report.manual_count + len(items),
                }
            )
        _logger.warning(
            "Erasing Klantinteracties copies %s: erase by hand (%s)",
            ", ".join(self.mapped("register_uuid")),
            message,
        )
        return message

    def _gov_clear_references(self):
        """The copy is gone: our records no longer point at it."""
        quiet = {"tracking_disable": True, "mail_notrack": True, "active_test": False}
        for line in self:
            if line.resource == "partij":
                self.env["res.partner"].with_context(**quiet).search(
                    [("zgw_partij_uuid", "=", line.register_uuid)]
                ).write({"zgw_partij_uuid": False})
            elif line.resource == "klantcontact" and line.url:
                self.env["gov.contact.moment"].with_context(**quiet).search(
                    [("zgw_klantcontact_url", "=", line.url)]
                ).write(
                    {
                        "zgw_klantcontact_url": False,
                        "zgw_referentienummer": False,
                        "zgw_state": False,
                    }
                )
            elif line.resource == "internetaak" and line.url:
                self.env["gov.loket.handover"].with_context(**quiet).search(
                    [("zgw_internetaak_url", "=", line.url)]
                ).write(
                    {
                        "zgw_internetaak_url": False,
                        "zgw_referentienummer": False,
                        "zgw_status": False,
                        "zgw_state": False,
                    }
                )

    # --- the report -------------------------------------------------------

    def _gov_manual_lines(self):
        """The by-hand sentences of the privacy officer's report."""
        _ = self.env._
        sentences = {
            "partij": lambda line: _(
                "Klantinteracties: erase or anonymise partij %(uuid)s.",
                uuid=line.register_uuid,
            ),
            "klantcontact": lambda line: _(
                "Klantinteracties: erase klantcontact %(url)s.", url=line.url
            ),
            "internetaak": lambda line: _(
                "Klantinteracties: erase interne taak %(url)s.", url=line.url
            ),
            "digitaal_adres": lambda line: _(
                "Klantinteracties: erase digitaal adres %(url)s.", url=line.url
            ),
        }
        return [
            sentences[line.resource](line)
            for line in self.filtered(lambda line: line.state == "manual")
        ]

    def _gov_table_html(self):
        """Per copy: erased in the register, still to erase (and why), or by
        hand. Register ids only."""
        if not self:
            return Markup()
        _ = self.env._
        resources = dict(self._fields["resource"]._description_selection(self.env))
        states = dict(self._fields["state"]._description_selection(self.env))
        rows = Markup().join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (
                resources[line.resource],
                line.url or line.register_uuid,
                states[line.state],
                line.reason or "",
            )
            for line in self
        )
        return Markup(
            "<h4>%s</h4><table class='table table-sm'><tr><th>%s</th><th>%s</th>"
            "<th>%s</th><th>%s</th></tr>%s</table>"
        ) % (
            _("Copies in the Klantinteracties register"),
            _("Copy"),
            _("Register ID"),
            _("Status"),
            _("Reason"),
            rows,
        )
