"""internetaken: Loket hand-overs (gov.loket.handover).

An internetaak is a request handed over to a colleague. Creating one through
the API hands over the request the klantcontact belongs to; a klantcontact
without a request (a call-back request from KISS) first becomes a Loket
request of the relation, so the colleague finds it where they work.
"""

from odoo import fields

from . import common, ids
from .errors import ApiError, invalid
from .resource import Resource, register, url_filter, uuid_filter

DONE_STATES = ("done", "returned", "reassigned")


@register
class Internetaken(Resource):
    collection = "internetaken"
    component = "InterneTaak"
    kinds = ("internetaak",)

    @property
    def model(self):
        return self.env["gov.loket.handover"]

    def find(self, kind, record_id):
        return self.model.search([("id", "=", record_id)]) or None

    def moment_of(self, handover):
        ticket = handover.ticket_id
        if ticket.call_moment_id:
            return ticket.call_moment_id
        moments = ticket.contact_moment_ids.sorted(lambda m: (m.occurred_at, m.id))
        return moments[:1] or None

    def handovers_of(self, moment):
        tickets = [("ticket_id.call_moment_id", "=", moment.id)]
        if moment.res_model == "helpdesk.ticket" and moment.res_id:
            tickets = ["|", ("ticket_id", "=", moment.res_id), *tickets]
        return self.model.search(tickets, order="id")

    def handovers_by_moment(self, moments):
        """{moment id: hand-overs} for a page of contact moments, in one search."""
        by_ticket = {}
        for moment in moments:
            if moment.res_model == "helpdesk.ticket" and moment.res_id:
                by_ticket.setdefault(moment.res_id, []).append(moment.id)
        handovers = self.model.search(
            [
                "|",
                ("ticket_id.call_moment_id", "in", moments.ids),
                ("ticket_id", "in", list(by_ticket)),
            ],
            order="id",
        )
        result = {moment.id: self.model for moment in moments}
        for handover in handovers:
            ticket = handover.ticket_id
            owners = set(by_ticket.get(ticket.id, []))
            if ticket.call_moment_id.id in result:
                owners.add(ticket.call_moment_id.id)
            for moment_id in owners:
                result[moment_id] |= handover
        return result

    def moment_ids_of(self, handover_id):
        handover = self.model.browse(handover_id).exists()
        moment = self.moment_of(handover) if handover else None
        return moment.ids if moment else []

    # -- lists ------------------------------------------------------------------

    def filter_term(self, name, value):
        if name == "referentienummer":
            return [("ki_reference", "=", value)]
        if name == "nummer":
            return [("id", "=", int(value) if value.isdigit() else 0)]
        if name == "status":
            if value == "verwerkt":
                return [("state", "in", DONE_STATES)]
            if value == "te_verwerken":
                return [("state", "not in", DONE_STATES)]
            raise invalid("status", "invalid_choice", "Selecteer een geldige keuze.")
        if name in ("toegewezenAanActor__uuid", "toegewezenAanActor__url"):
            check = uuid_filter if name.endswith("uuid") else url_filter
            return [("to_user_id", "=", check(value, name, "actor_medewerker"))]
        if name == "actoren__naam":
            return [("to_user_id.name", "=", value)]
        if name == "toegewezenOp":
            return [("handed_over_at", "=", common.parse_datetime(value, name))]
        if name.startswith(("aanleidinggevendKlantcontact__", "klantcontact__")):
            key = name.split("__", 1)[1]
            if key in ("uuid", "url"):
                check = uuid_filter if key == "uuid" else url_filter
                moment_id = check(value, name, "klantcontact")
            elif key == "nummer":
                moment_id = int(value) if value.isdigit() else 0
            else:
                moment = self.env["gov.contact.moment"].search(
                    [("ki_reference", "=", value)], limit=1
                )
                moment_id = moment.id
            moment = self.env["gov.contact.moment"].browse(moment_id).exists()
            return [("id", "in", self.handovers_of(moment).ids if moment else [])]
        return [("id", "=", 0)]

    def search(self, query, offset, limit):
        domain = []
        for name, value in query.items():
            domain += self.filter_term(name, value)
        count = self.model.search_count(domain)
        return count, self.model.search(domain, offset=offset, limit=limit, order="id")

    # -- reading ----------------------------------------------------------------

    def serialize(self, handover):
        uuid_ = ids.make_uuid("internetaak", handover.id)
        moment = self.moment_of(handover)
        actor = self.ref_in(
            "actoren", ids.make_uuid("actor_medewerker", handover.to_user_id.id)
        )
        done = handover.state in DONE_STATES
        return {
            "uuid": uuid_,
            "url": self.url(uuid_),
            "nummer": str(handover.id).zfill(10)[-10:],
            "referentienummer": handover.ki_reference or None,
            "gevraagdeHandeling": (
                handover.ki_requested_action or handover.ticket_id.name or ""
            )[:200],
            "aanleidinggevendKlantcontact": (
                self.ref_in("klantcontacten", ids.make_uuid("klantcontact", moment.id))
                if moment
                else None
            ),
            "toegewezenAanActor": actor,
            "toegewezenAanActoren": [actor],
            "toelichting": (handover.note or "")[:1000],
            "status": "verwerkt" if done else "te_verwerken",
            "toegewezenOp": common.iso(handover.handed_over_at),
            "afgehandeldOp": common.iso(handover.ki_done_at) if done else None,
        }

    # -- writing ----------------------------------------------------------------

    def assignee(self, body):
        refs = body.get("toegewezenAanActoren")
        single = body.get("toegewezenAanActor")
        if bool(refs) == bool(single):
            raise invalid(
                "nonFieldErrors",
                "invalid",
                "Geef precies één van toegewezenAanActor en toegewezenAanActoren.",
            )
        refs = refs or [single]
        if len(refs) != 1:
            raise invalid(
                "toegewezenAanActoren",
                "invalid",
                "Een taak gaat hier naar één medewerker.",
            )
        parsed = ids.parse_kind((refs[0] or {}).get("uuid"), "actor_medewerker")
        found = self.other("actoren").find(*parsed) if parsed else None
        if not found:
            raise invalid(
                "toegewezenAanActoren",
                "does_not_exist",
                "Ongeldige uuid - geen medewerker (een taak voor een team kan "
                "hier niet).",
            )
        return found[1]

    def ticket_for(self, moment, body):
        if moment.res_model == "helpdesk.ticket" and moment.res_id:
            return self.env["helpdesk.ticket"].browse(moment.res_id)
        unknown = self.env.ref("gov_klantinteracties.partner_unknown_party")
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": body["gevraagdeHandeling"][:80],
                "description": moment.summary or body.get("toelichting") or False,
                "partner_id": moment.partner_id.id
                if moment.partner_id != unknown
                else False,
                "call_moment_id": moment.id,
            }
        )
        moment.write({"res_model": ticket._name, "res_id": ticket.id})
        return ticket

    def post(self, body):
        ref = body.get("aanleidinggevendKlantcontact") or {}
        parsed = ids.parse_kind(ref.get("uuid"), "klantcontact")
        moment = self.other("klantcontacten").find(*parsed) if parsed else None
        if moment is None:
            raise invalid(
                "aanleidinggevendKlantcontact",
                "does_not_exist",
                "Ongeldige uuid - object bestaat niet.",
            )
        user = self.assignee(body)
        reference = common.check_reference(
            self.env,
            "gov.loket.handover",
            body.get("referentienummer"),
            "referentienummer",
            "Interne taak",
        )
        self.check_done(body)
        ticket = self.ticket_for(moment, body)
        ticket.action_hand_over(user.id, note=body.get("toelichting") or False)
        handover = ticket.handover_ids.sorted("id")[-1]
        self.write_state(
            handover,
            {
                "ki_reference": reference,
                "ki_requested_action": body["gevraagdeHandeling"],
            },
        )
        if body.get("status") == "verwerkt":
            self.set_status(handover, "verwerkt", body.get("afgehandeldOp"))
        return handover

    def check_done(self, body):
        if body.get("afgehandeldOp") and body.get("status") != "verwerkt":
            raise invalid(
                "afgehandeldOp",
                "invalid",
                "afgehandeldOp kan alleen bij de status verwerkt.",
            )

    def write_state(self, handover, vals):
        # sudo: hand-overs are history that users cannot write; the caller
        # must be able to change the request itself (checked here).
        handover.ticket_id.check_access("write")
        handover.sudo().write(vals)

    def set_status(self, handover, status, done_at=None):
        if status == "verwerkt":
            moment = (
                common.parse_datetime(done_at, "afgehandeldOp")
                if done_at
                else fields.Datetime.now()
            )
            self.write_state(handover, {"state": "done", "ki_done_at": moment})
        elif handover.state in DONE_STATES:
            self.write_state(handover, {"state": "accepted", "ki_done_at": False})

    def put(self, handover, body, partial):
        status = body.get("status") or (
            "verwerkt" if handover.state in DONE_STATES else "te_verwerken"
        )
        if body.get("afgehandeldOp") and status != "verwerkt":
            raise invalid(
                "afgehandeldOp",
                "invalid",
                "afgehandeldOp kan alleen bij de status verwerkt.",
            )
        vals = {}
        if "toelichting" in body:
            vals["note"] = body["toelichting"] or False
        if body.get("gevraagdeHandeling"):
            vals["ki_requested_action"] = body["gevraagdeHandeling"]
        if "referentienummer" in body:
            vals["ki_reference"] = common.check_reference(
                self.env,
                "gov.loket.handover",
                body["referentienummer"],
                "referentienummer",
                "Interne taak",
                handover.id,
            )
        if vals:
            self.write_state(handover, vals)
        if "status" in body or "afgehandeldOp" in body:
            self.set_status(handover, status, body.get("afgehandeldOp"))
        return handover

    def remove(self, handover):
        raise ApiError(
            405,
            "method_not_allowed",
            "Een overdracht is geschiedenis van een verzoek en wordt niet verwijderd.",
        )
