"""actoren: our employees (res.users, soort medewerker) and Loket teams
(helpdesk.ticket.team, soort organisatorische_eenheid).

Actors are not created through the API: a POST finds the employee by the
e-mail address or login in its actoridentificator (or the team by name)
and answers with that actor, so a client that "creates" an actor for a
colleague gets the one that exists. Nobody unknown to Odoo becomes one.
"""

import re

from odoo import SUPERUSER_ID

from . import ids
from .errors import invalid
from .resource import Resource, boolean_filter, register, search_union

REGISTER = "odoo"
_PHONE = re.compile(r"^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$")
KIND_MODEL = {"actor_medewerker": "res.users", "actor_team": "helpdesk.ticket.team"}


@register
class Actoren(Resource):
    collection = "actoren"
    component = "Actor"
    kinds = tuple(KIND_MODEL)

    def models(self):
        result = {
            "actor_medewerker": self.env["res.users"].with_context(active_test=False)
        }
        teams = self.env["helpdesk.ticket.team"]
        if teams.has_access("read"):
            result["actor_team"] = teams.with_context(active_test=False)
        return result

    def find(self, kind, record_id):
        model = self.models().get(kind)
        if model is None:
            return None
        domain = [("id", "=", record_id)]
        if kind == "actor_medewerker":
            domain += [("share", "=", False), ("id", "!=", SUPERUSER_ID)]
        found = model.search(domain)
        return (kind, found) if found else None

    def search(self, query, offset, limit):
        parts = []
        for kind, model in self.models().items():
            domain = self.kind_domain(kind, query)
            if domain is not None:
                parts.append((kind, model, domain))
        return search_union(parts, offset, limit)

    def kind_domain(self, kind, query):
        soort = (
            "medewerker" if kind == "actor_medewerker" else "organisatorische_eenheid"
        )
        # Employees only: no portal users, not OdooBot.
        domain = (
            [("share", "=", False), ("id", "!=", SUPERUSER_ID)]
            if kind == "actor_medewerker"
            else []
        )
        for name, value in query.items():
            if name == "soortActor":
                if value != soort:
                    return None
            elif name == "naam":
                domain.append(("name", "=", value))
            elif name == "indicatieActief":
                flag = boolean_filter(value)
                if flag is not None:
                    domain.append(("active", "=", flag))
            elif name == "actoridentificatorCodeRegister":
                if value != REGISTER:
                    return None
            elif name == "actoridentificatorCodeObjecttype":
                if value != soort:
                    return None
            elif name == "actoridentificatorCodeSoortObjectId":
                if value != ("email" if kind == "actor_medewerker" else "id"):
                    return None
            elif name == "actoridentificatorObjectId":
                if kind == "actor_medewerker":
                    domain += [
                        "|",
                        ("email", "=ilike", value),
                        ("login", "=ilike", value),
                    ]
                else:
                    domain.append(("id", "=", int(value) if value.isdigit() else 0))
        return domain

    def actors_of(self, users):
        """Whole actors for ``users`` (employees who had a contact)."""
        return [
            self.serialize(("actor_medewerker", user))
            for user in users
            if user.id != SUPERUSER_ID and not user.share
        ]

    def serialize(self, record):
        kind, actor = record
        uuid_ = ids.make_uuid(kind, actor.id)
        item = {"uuid": uuid_, "url": self.url(uuid_), "naam": (actor.name or "")[:200]}
        if kind == "actor_medewerker":
            email = (actor.email or actor.login or "")[:254]
            item.update(
                soortActor="medewerker",
                indicatieActief=actor.active,
                actoridentificator={
                    "objectId": email[:200],
                    "codeObjecttype": "medewerker",
                    "codeRegister": REGISTER,
                    "codeSoortObjectId": "email",
                },
            )
            phone = re.sub(r"[\s\-().]", "", actor.phone or "")
            if _PHONE.match(phone):
                item["actorIdentificatie"] = {
                    "functie": "",
                    "emailadres": email,
                    "telefoonnummer": phone,
                }
        else:
            item.update(
                soortActor="organisatorische_eenheid",
                indicatieActief=actor.active,
                actoridentificator={
                    "objectId": str(actor.id),
                    "codeObjecttype": "organisatorische_eenheid",
                    "codeRegister": REGISTER,
                    "codeSoortObjectId": "id",
                },
                actorIdentificatie={"omschrijving": (actor.name or "")[:200]},
            )
        return item

    def post(self, body):
        soort = body.get("soortActor")
        identificator = body.get("actoridentificator") or {}
        identificatie = body.get("actorIdentificatie") or {}
        if soort == "medewerker":
            keys = [
                k
                for k in (
                    identificator.get("objectId"),
                    identificatie.get("emailadres"),
                )
                if k
            ]
            users = self.env["res.users"]
            for key in keys:
                users = users.search(
                    [
                        ("share", "=", False),
                        "|",
                        ("email", "=ilike", key),
                        ("login", "=ilike", key),
                    ],
                    limit=1,
                )
                if users:
                    return "actor_medewerker", users
            raise invalid(
                "actoridentificatorObjectId",
                "does_not_exist",
                "Er is geen medewerker met dit e-mailadres of deze login.",
            )
        if soort == "organisatorische_eenheid" and "actor_team" in self.models():
            team = self.env["helpdesk.ticket.team"].search(
                [("name", "=ilike", body.get("naam"))], limit=1
            )
            if team:
                return "actor_team", team
            raise invalid("naam", "does_not_exist", "Er is geen team met deze naam.")
        raise invalid(
            "soortActor",
            "invalid_choice",
            "Alleen medewerkers en teams kunnen actor zijn.",
        )
