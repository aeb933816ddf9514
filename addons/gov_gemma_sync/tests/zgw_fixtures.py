"""Spec-valid ZGW resources for the test server (Zaken 1.5.1, Catalogi 1.3.1)."""

import uuid
from urllib.parse import urlencode

RSIN = "002564440"
# Expand paths Open Zaak 1.30.0 accepts on zaken (Zaken 1.5.1 ExpandZaak).
EXPAND_CHOICES = {
    "zaaktype",
    "status",
    "status.statustype",
    "resultaat",
    "rollen",
    "eigenschappen",
    "zaakinformatieobjecten",
    "zaakobjecten",
    "deelzaken",
    "hoofdzaak",
    "relevanteAndereZaken",
}


def _uuid(seed):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, seed))


def fout(status, code, detail):
    if status == 400:
        return {
            **fout(401, code, detail),
            "status": 400,
            "title": "Ongeldige invoer.",
            "invalidParams": [
                {"name": "nonFieldErrors", "code": code, "reason": detail}
            ],
        }
    return {
        "type": f"https://example.invalid/fouten/{code}/",
        "code": code,
        "title": detail,
        "status": status,
        "detail": detail,
        "instance": "urn:uuid:00000000-0000-4000-8000-000000000000",
    }


class ZgwWorld:
    """In-memory Open Zaak: zaken with their roles, statuses and types."""

    def __init__(self, base):
        self.base = base
        self.zaken_api = f"{base}/zaken/api/v1"
        self.catalogi_api = f"{base}/catalogi/api/v1"
        self.catalogus = f"{self.catalogi_api}/catalogussen/{_uuid('catalogus')}"
        self.zaken = {}  # uuid -> (zaak dict, role filter dict)
        self.statussen = {}
        self.zaaktypen = {}
        self.statustypen = {}
        self.abonnementen = []
        # Kanalen registered at the Notificaties API, with their kenmerken.
        self.kanalen = {
            "zaken": ["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"],
            "internetaken": ["gevraagdeHandeling", "toelichting", "status"],
            "klantcontacten": [
                "hoofdOnderwerpType",
                "indicatieContactGelukt",
                "verdereActieOndernomen",
            ],
        }
        self.page_size = 2

    def add_zaaktype(self, omschrijving):
        key = _uuid(f"zaaktype-{omschrijving}")
        url = f"{self.catalogi_api}/zaaktypen/{key}"
        self.zaaktypen[key] = {
            "url": url,
            "identificatie": f"ZT-{len(self.zaaktypen) + 1}",
            "omschrijving": omschrijving,
            "vertrouwelijkheidaanduiding": "openbaar",
            "doel": "Test",
            "aanleiding": "Test",
            "indicatieInternOfExtern": "extern",
            "handelingInitiator": "aanvragen",
            "onderwerp": omschrijving[:80],
            "handelingBehandelaar": "behandelen",
            "doorlooptijd": "P8W",
            "opschortingEnAanhoudingMogelijk": False,
            "verlengingMogelijk": False,
            "publicatieIndicatie": False,
            "productenOfDiensten": [],
            "referentieproces": {"naam": "Test"},
            "verantwoordelijke": RSIN,
            "catalogus": self.catalogus,
            "statustypen": [],
            "resultaattypen": [],
            "eigenschappen": [],
            "informatieobjecttypen": [],
            "roltypen": [],
            "besluittypen": [],
            "zaakobjecttypen": [],
            "gerelateerdeZaaktypen": [],
            "beginGeldigheid": "2026-01-01",
            "versiedatum": "2026-01-01",
            "beginObject": "2026-01-01",
            "eindeObject": "2099-12-31",
            "concept": False,
        }
        return url

    def add_statustype(self, zaaktype_url, omschrijving, statustekst="", end=False):
        key = _uuid(f"statustype-{zaaktype_url}-{omschrijving}")
        url = f"{self.catalogi_api}/statustypen/{key}"
        self.statustypen[key] = {
            "url": url,
            "omschrijving": omschrijving,
            "omschrijvingGeneriek": "",
            "statustekst": statustekst,
            "zaaktype": zaaktype_url,
            "zaaktypeIdentificatie": "ZT-1",
            "volgnummer": len(self.statustypen) + 1,
            "isEindstatus": end,
            "informeren": False,
            "catalogus": self.catalogus,
            "eigenschappen": [],
            "zaakobjecttypen": [],
            "beginObject": "2026-01-01",
            "eindeObject": "2099-12-31",
        }
        return url

    def add_zaak(self, identificatie, zaaktype_url, roles, **values):
        key = _uuid(f"zaak-{identificatie}")
        url = f"{self.zaken_api}/zaken/{key}"
        zaak = {
            "url": url,
            "uuid": key,
            "identificatie": identificatie,
            "bronorganisatie": RSIN,
            "verantwoordelijkeOrganisatie": RSIN,
            "omschrijving": values.get("omschrijving", f"Case {identificatie}"),
            "zaaktype": zaaktype_url,
            "startdatum": values.get("startdatum", "2026-03-01"),
            "einddatum": values.get("einddatum"),
            "einddatumGepland": values.get("einddatumGepland"),
            "uiterlijkeEinddatumAfdoening": values.get("uiterlijkeEinddatumAfdoening"),
            "vertrouwelijkheidaanduiding": values.get(
                "vertrouwelijkheidaanduiding", "openbaar"
            ),
            "betalingsindicatieWeergave": "",
            "laatstGemuteerd": "2026-03-01T10:00:00Z",
            "status": None,
            "resultaat": None,
            "deelzaken": [],
            "eigenschappen": [],
            "rollen": [],
            "zaakinformatieobjecten": [],
            "zaakobjecten": [],
        }
        self.zaken[key] = (zaak, dict(roles))
        return zaak

    def set_status(self, zaak, statustype_url):
        key = _uuid(f"status-{zaak['uuid']}-{statustype_url}")
        url = f"{self.zaken_api}/statussen/{key}"
        self.statussen[key] = {
            "url": url,
            "uuid": key,
            "zaak": zaak["url"],
            "statustype": statustype_url,
            "datumStatusGezet": "2026-03-02T09:00:00Z",
            "statustoelichting": "",
            "indicatieLaatstGezetteStatus": True,
            "zaakinformatieobjecten": [],
        }
        zaak["status"] = url
        return url

    def route(self, api, path, query):
        world = self
        collection, _, key = path.strip("/").partition("/")
        tables = {
            ("zaken", "statussen"): world.statussen,
            ("catalogi", "zaaktypen"): world.zaaktypen,
            ("catalogi", "statustypen"): world.statustypen,
        }
        expand = [v for v in query.get("expand", "").split(",") if v]
        if set(expand) - EXPAND_CHOICES:
            # Open Zaak 1.30.0: expand values are choices (docs/api/experimental).
            return 400, fout(400, "invalid_choice", "Ongeldige expand waarde.")
        if (api, collection) == ("zaken", "zaken") and not key:
            page = self._zaken_page(query)
            if page is None:
                # Open Zaak 1.30.0 (DRF pagination): a page past the end.
                return 404, fout(404, "not_found", "Ongeldige pagina.")
            page["results"] = [self._expand(z, query) for z in page["results"]]
            return 200, page
        if (api, collection) == ("zaken", "zaken") and key in world.zaken:
            return 200, self._expand(world.zaken[key][0], query)
        if (api, collection) == ("catalogi", "catalogussen") and not key:
            return 200, {"count": 0, "next": None, "previous": None, "results": []}
        if key and key in tables.get((api, collection), {}):
            return 200, tables[(api, collection)][key]
        return 404, fout(404, "not_found", "Niet gevonden.")

    def notificaties(self, method, path, body):
        kanalen = [
            {
                "url": f"{self.base}/api/v1/kanaal/{_uuid('kanaal-' + naam)}",
                "naam": naam,
                "documentatieLink": "",
                "filters": filters,
            }
            for naam, filters in self.kanalen.items()
        ]
        if (method, path) == ("get", "/kanaal"):
            return 200, kanalen
        if (method, path) == ("post", "/abonnement"):
            if any(k["naam"] not in self.kanalen for k in body.get("kanalen", [])):
                # Open Notificaties 1.16.1 AbonnementSerializer.validate.
                return 400, fout(400, "kanaal_naam", "Kanaal bestaat niet.")
            if any(
                set(k.get("filters") or {}) - set(self.kanalen[k["naam"]])
                for k in body["kanalen"]
            ):
                # Same source: filter keys must be kenmerken of the kanaal.
                return 400, fout(
                    400,
                    "inconsistent-abonnement-filters",
                    "Kanaal filters zijn niet consistent.",
                )
            self.abonnementen.append(body)
            key = f"5b3f7c6e-0000-4000-8000-{len(self.abonnementen):012d}"
            answer = {k: v for k, v in body.items() if k != "auth"}
            return 201, {"url": f"{self.base}/api/v1/abonnement/{key}", **answer}
        return 404, fout(404, "not_found", "Niet gevonden.")

    def _expand(self, zaak, query):
        """Open Zaak's ``expand=status``: the current Status inline."""
        if "status" not in query.get("expand", "").split(","):
            return zaak
        if not zaak["status"]:
            # Open Zaak sends null here, but openapi-core rejects a null
            # behind allOf; an absent key is valid and means the same.
            return {**zaak, "_expand": {}}
        key = zaak["status"].rstrip("/").rsplit("/", 1)[-1]
        return {**zaak, "_expand": {"status": self.statussen[key]}}

    def _zaken_page(self, query):
        filters = {k: v for k, v in query.items() if k.startswith("rol__")}
        matches = [
            zaak
            for zaak, roles in self.zaken.values()
            if all(value in roles.get(name, ()) for name, value in filters.items())
        ]
        page = int(query.get("page", 1))
        start = (page - 1) * self.page_size
        if page > 1 and start >= len(matches):
            return None
        more = start + self.page_size < len(matches)
        others = {k: v for k, v in query.items() if k != "page"}
        link = f"{self.zaken_api}/zaken?" + urlencode({**others, "page": "%s"})
        link = link.replace("%25s", "%s")
        return {
            "count": len(matches),
            "next": link % (page + 1) if more else None,
            "previous": link % (page - 1) if page > 1 else None,
            "results": matches[start : start + self.page_size],
        }
