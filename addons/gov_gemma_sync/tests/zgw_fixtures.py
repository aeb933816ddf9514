"""Spec-valid ZGW resources for the test server (Zaken 1.5.1, Catalogi 1.3.1)."""

import uuid

RSIN = "002564440"


def _uuid(seed):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, seed))


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
