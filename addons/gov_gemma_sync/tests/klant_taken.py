"""Actoren and internetaken of the in-memory Open Klant (Klantinteracties 0.9.0)."""

import uuid

NOW = "2026-11-29T10:30:00Z"


def _ref(base, collection, key):
    return {"uuid": key, "url": f"{base}/{collection}/{key}"}


class TakenWorld:
    """Mixed into KlantWorld: ``self.api`` is the API root there."""

    def _init_taken(self):
        self.actoren = {}  # uuid -> actor
        self.internetaken = {}  # uuid -> internetaak

    def _get_actoren(self, query, body):
        wanted = query.get("actoridentificatorObjectId")
        results = [
            actor
            for actor in self.actoren.values()
            if (actor.get("actoridentificator") or {}).get("objectId") == wanted
            and actor["soortActor"] == query.get("soortActor", actor["soortActor"])
        ]
        return 200, self._page(results)

    def _post_actoren(self, query, body):
        key = str(uuid.uuid4())
        actor = {**body, **_ref(self.api, "actoren", key)}
        self.actoren[key] = actor
        return 201, actor

    def _get_internetaken(self, query, body):
        filters = {
            "aanleidinggevendKlantcontact__uuid": lambda t: t[
                "aanleidinggevendKlantcontact"
            ]["uuid"],
            "referentienummer": lambda t: t.get("referentienummer"),
            "status": lambda t: t["status"],
        }
        results = [
            taak
            for taak in self.internetaken.values()
            if all(
                get(taak) == query[name]
                for name, get in filters.items()
                if name in query
            )
        ]
        return 200, self._page(results)

    def _post_internetaken(self, query, body):
        kc_key = body["aanleidinggevendKlantcontact"]["uuid"]
        if kc_key not in self.klantcontacten:
            return 400, {"detail": "Klantcontact bestaat niet."}
        actoren = body.get("toegewezenAanActoren") or []
        if len(actoren) != 1 or actoren[0]["uuid"] not in self.actoren:
            return 400, {"detail": "Precies een actor is vereist."}
        key = str(uuid.uuid4())
        actor_ref = _ref(self.api, "actoren", actoren[0]["uuid"])
        taak = {
            **body,
            **_ref(self.api, "internetaken", key),
            "aanleidinggevendKlantcontact": _ref(self.api, "klantcontacten", kc_key),
            "toegewezenAanActor": actor_ref,
            "toegewezenAanActoren": [actor_ref],
            "toegewezenOp": NOW,
            "afgehandeldOp": body.get("afgehandeldOp"),
        }
        self.internetaken[key] = taak
        return 201, taak

    def _get_internetaken_detail(self, key, query, body):
        if key not in self.internetaken:
            return 404, {"detail": "Niet gevonden."}
        return 200, self.internetaken[key]

    def _patch_internetaken_detail(self, key, query, body):
        if key not in self.internetaken:
            return 404, {"detail": "Niet gevonden."}
        if body.get("afgehandeldOp") and body.get("status") != "verwerkt":
            return 400, {"detail": "afgehandeldOp alleen bij verwerkt."}
        self.internetaken[key].update(body)
        return 200, self.internetaken[key]
