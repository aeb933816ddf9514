"""Actoren and internetaken of the in-memory Open Klant (Klantinteracties 0.9.0),
and the list behaviour every Open Klant list shares."""

import re
import uuid

NOW = "2026-11-29T10:30:00Z"
# Django's validate_integer, on InterneTaak.referentienummer and
# Klantcontact.referentienummer since Open Klant 2.16.0 (#525).
INTEGER = re.compile(r"^-?\d+\Z")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
LIST_PARAMS = {"page", "pageSize", "expand"}


class ValidatieFout(Exception):
    """A 400 as Open Klant sends it (ValidatieFout with invalidParams)."""

    def __init__(self, name, code, reason):
        super().__init__(reason)
        self.name, self.code, self.reason = name, code, reason

    def body(self):
        return {
            "type": "https://example.invalid/fouten/ValidationError/",
            "code": "invalid",
            "title": "Invalid input.",
            "status": 400,
            "detail": "",
            "instance": "urn:uuid:00000000-0000-4000-8000-000000000000",
            "invalidParams": [
                {"name": self.name, "code": self.code, "reason": self.reason}
            ],
        }


class NotImplementedFilter(Exception):
    """The client used a filter this stand-in does not implement."""


def _ref(base, collection, key):
    return {"uuid": key, "url": f"{base}/{collection}/{key}"}


class TakenWorld:
    """Mixed into KlantWorld: ``self.api`` is the API root there."""

    def _init_taken(self):
        self.actoren = {}  # uuid -> actor
        self.internetaken = {}  # uuid -> internetaak

    # --- shared list behaviour -------------------------------------------

    @staticmethod
    def _filter(query, filters, rows):
        """Rows matching every filter of ``query``; ``filters`` maps a name to
        a function returning the set of values a row has for it."""
        for name, value in query.items():
            if name in LIST_PARAMS:
                continue
            if name not in filters:
                raise NotImplementedFilter(name)
            if name.endswith("__uuid") and not UUID.match(value):
                # Open Klant 2.18.0: an invalid uuid filter value is a 400.
                raise ValidatieFout(name, "invalid", "Voer een geldige UUID in.")
        return [
            row
            for row in rows
            if all(
                value in filters[name](row)
                for name, value in query.items()
                if name not in LIST_PARAMS
            )
        ]

    @staticmethod
    def _page(results, query=None):
        """One page; Open Klant 2.18.0 answers 404 for a page past the end or
        a page that is not a number (DRF PageNumberPagination)."""
        query = query or {}
        size = int(query.get("pageSize") or 100)
        page = query.get("page", "1")
        if not page.isdigit() or int(page) < 1:
            return 404, {"detail": "Ongeldige pagina."}
        page = int(page)
        if page > 1 and (page - 1) * size >= len(results):
            return 404, {"detail": "Ongeldige pagina."}
        return 200, {
            "count": len(results),
            "next": None,
            "previous": None,
            "results": [
                {**item, "_expand": {}}
                for item in results[(page - 1) * size : page * size]
            ],
        }

    @staticmethod
    def _check_referentienummer(values, existing, name, model):
        """Open Klant 2.16.0+ (#525), seen on 2.18.0: referentienummer is
        digits only (validate_integer) and unique (unique=True)."""
        if "referentienummer" not in values or values["referentienummer"] is None:
            return
        number = values["referentienummer"]
        if number != "" and not INTEGER.match(number):
            raise ValidatieFout(name, "invalid", "Voer een geldig geheel getal in.")
        if number in existing:
            raise ValidatieFout(
                name, "unique", f"{model} met deze referentienummer bestaat al."
            )

    # --- actoren ----------------------------------------------------------

    def _get_actoren(self, query, body):
        filters = {
            "actoridentificatorObjectId": lambda a: {
                (a.get("actoridentificator") or {}).get("objectId")
            },
            "actoridentificatorCodeRegister": lambda a: {
                (a.get("actoridentificator") or {}).get("codeRegister")
            },
            "soortActor": lambda a: {a["soortActor"]},
            "indicatieActief": lambda a: {str(a.get("indicatieActief")).lower()},
        }
        return self._page(
            self._filter(query, filters, list(self.actoren.values())), query
        )

    def _post_actoren(self, query, body):
        key = str(uuid.uuid4())
        actor = {**body, **_ref(self.api, "actoren", key)}
        self.actoren[key] = actor
        return 201, actor

    # --- internetaken -----------------------------------------------------

    def _get_internetaken(self, query, body):
        filters = {
            "aanleidinggevendKlantcontact__uuid": lambda t: {
                t["aanleidinggevendKlantcontact"]["uuid"]
            },
            "referentienummer": lambda t: {t.get("referentienummer")},
            "status": lambda t: {t["status"]},
            "toegewezenAanActor__uuid": lambda t: {
                a["uuid"] for a in t["toegewezenAanActoren"]
            },
        }
        return self._page(
            self._filter(query, filters, list(self.internetaken.values())), query
        )

    def _post_internetaken(self, query, body):
        kc_key = body["aanleidinggevendKlantcontact"]["uuid"]
        if kc_key not in self.klantcontacten:
            raise ValidatieFout(
                "aanleidinggevendKlantcontact.uuid",
                "does_not_exist",
                "Ongeldige uuid - object bestaat niet.",
            )
        # Open Klant 2.18.0 serializers/internetaken.py validate(): exactly
        # one of toegewezenAanActor / toegewezenAanActoren on POST and PUT.
        if ("toegewezenAanActor" in body) == ("toegewezenAanActoren" in body):
            raise ValidatieFout(
                "nonFieldErrors",
                "invalid",
                "Gebruik precies één van toegewezenAanActor of toegewezenAanActoren.",
            )
        actoren = body.get("toegewezenAanActoren") or [body["toegewezenAanActor"]]
        if not actoren or any(a["uuid"] not in self.actoren for a in actoren):
            raise ValidatieFout(
                "toegewezenAanActoren",
                "does_not_exist",
                "Ongeldige uuid - object bestaat niet.",
            )
        numbers = [t.get("referentienummer") for t in self.internetaken.values()]
        self._check_referentienummer(body, numbers, "referentienummer", "Interne taak")
        if body.get("afgehandeldOp") and body.get("status") != "verwerkt":
            raise ValidatieFout(
                "afgehandeldOp", "invalid", "afgehandeldOp alleen bij verwerkt."
            )
        key = str(uuid.uuid4())
        refs = [_ref(self.api, "actoren", a["uuid"]) for a in actoren]
        taak = {
            **body,
            **_ref(self.api, "internetaken", key),
            "aanleidinggevendKlantcontact": _ref(self.api, "klantcontacten", kc_key),
            # The response fills the deprecated field too.
            "toegewezenAanActor": refs[0],
            "toegewezenAanActoren": refs,
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
        taak = self.internetaken[key]
        status = body.get("status", taak["status"])
        # Open Klant 2.18.0: afgehandeldOp only with status verwerkt.
        if body.get("afgehandeldOp") and status != "verwerkt":
            raise ValidatieFout(
                "afgehandeldOp", "invalid", "afgehandeldOp alleen bij verwerkt."
            )
        if "referentienummer" in body:
            numbers = [
                t.get("referentienummer")
                for k, t in self.internetaken.items()
                if k != key
            ]
            self._check_referentienummer(
                body, numbers, "referentienummer", "Interne taak"
            )
        # PUT/PATCH with read-only fields: ignored (Open Klant 2.18.0).
        readonly = {"url", "uuid", "toegewezenOp"}
        taak.update({k: v for k, v in body.items() if k not in readonly})
        if status == "verwerkt" and not taak.get("afgehandeldOp"):
            taak["afgehandeldOp"] = NOW
        if status == "te_verwerken":
            taak["afgehandeldOp"] = None
        return 200, taak
