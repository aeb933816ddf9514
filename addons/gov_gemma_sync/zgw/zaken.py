"""Fetch the zaken of one party and map them to plain dicts (no Odoo).

Role filters as Open Zaak 1.30 (Zaken 1.5.1) offers them. The filters of one
request are combined with AND, so each identifier gets its own query and the
results are merged by zaak URL.
"""

from .errors import ZgwGoneError

# Open Zaak (Zaken 1.5.1) puts the current Status inline: one request per
# page instead of one per zaak. Without it the status is fetched by URL.
EXPAND = {"expand": "status"}
ROLE_FILTERS = {
    "bsn": "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn",
    "kvk_number": "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer",
    "establishment_number": (
        "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__vestigingsNummer"
    ),
    "rsin": "rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId",
}


def role_queries(identifiers):
    """One query dict per known identifier, e.g. ``{"bsn": "999993653"}``."""
    return [
        {ROLE_FILTERS[key]: value}
        for key, value in identifiers.items()
        if key in ROLE_FILTERS and value
    ]


class CatalogueCache:
    """Resolve Catalogi URLs once per run, only through configured services."""

    def __init__(self, clients):
        self.clients = clients
        self._cache = {}

    def get(self, url):
        if not url:
            return None
        if url not in self._cache:
            client = next((c for c in self.clients if c.owns(url)), None)
            self._cache[url] = client.get(url) if client else None
        return self._cache[url]


def status_text(statustype):
    """Display rule of the standard: statustekst if filled, else omschrijving."""
    if not statustype:
        return ""
    return statustype.get("statustekst") or statustype.get("omschrijving") or ""


def map_zaak(zaak, zaaktype, statustype):
    return {
        "url": zaak["url"],
        "identificatie": zaak.get("identificatie") or "",
        "omschrijving": zaak.get("omschrijving") or "",
        "zaaktype": zaak.get("zaaktype") or False,
        "zaaktype_description": (zaaktype or {}).get("omschrijving") or "",
        "status": zaak.get("status") or False,
        "status_description": status_text(statustype),
        "startdatum": zaak.get("startdatum") or False,
        "einddatum_gepland": zaak.get("einddatumGepland") or False,
        "uiterlijke_einddatum_afdoening": (
            zaak.get("uiterlijkeEinddatumAfdoening") or False
        ),
        "einddatum": zaak.get("einddatum") or False,
        "vertrouwelijkheidaanduiding": zaak.get("vertrouwelijkheidaanduiding") or False,
    }


def _resolve(zaken_client, catalogue, zaak, statuses):
    status_url = zaak.get("status")
    expanded = (zaak.get("_expand") or {}).get("status")
    if status_url and isinstance(expanded, dict) and expanded.get("url") == status_url:
        statuses[status_url] = expanded
    if status_url and status_url not in statuses:
        statuses[status_url] = (
            zaken_client.get(status_url) if zaken_client.owns(status_url) else {}
        )
    status = statuses.get(status_url) or {}
    statustype = catalogue.get(status.get("statustype"))
    zaaktype = catalogue.get(zaak.get("zaaktype"))
    return map_zaak(zaak, zaaktype, statustype)


def fetch_zaak(zaken_client, catalogue, url):
    """One zaak by URL (e.g. after a notification), mapped like a list item.

    Returns None for a URL of another service; raises ZgwGoneError when the
    Zaken API says the zaak does not exist (any more).
    """
    if not zaken_client.owns(url):
        return None
    zaak = zaken_client.get(url, params=EXPAND, crs=True, gone_ok=True)
    if zaak is None:
        raise ZgwGoneError(zaken_client.host, url=url)
    return _resolve(zaken_client, catalogue, zaak, {})


def fetch_party_zaken(zaken_client, catalogue, identifiers):
    """Return the mapped zaken of one party; raises ZgwError on any failure.

    Everything is fetched before anything is returned, so a caller that
    writes only afterwards never stores half a sync.
    """
    found = {}
    for params in role_queries(identifiers):
        params = {**params, **EXPAND}
        for zaak in zaken_client.iter_list("zaken", params=params, crs=True):
            found.setdefault(zaak["url"], zaak)
    statuses = {}
    result = [_resolve(zaken_client, catalogue, z, statuses) for z in found.values()]
    return result
