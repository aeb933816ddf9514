"""Internetaken (tasks for an employee) in Klantinteracties 0.9.0 (no Odoo).

A Loket hand-over becomes an internetaak on the klantcontact of the request,
assigned to the employee as a ``medewerker`` actor. The actor is found by its
actoridentificator (our convention: register ``odoo``, kind ``email``) or
created. Creation is idempotent: the internetaak carries a ``referentienummer``
of our own (digits only and unique on the server, as Open Klant 2.16+ demands)
and a retry first looks it up.
"""

from .errors import ZgwReferenceTakenError, ZgwRequestError

ACTOR_REGISTER = "odoo"
ACTOR_OBJECTTYPE = "medewerker"
ACTOR_ID_KIND = "email"
OPEN, DONE = "te_verwerken", "verwerkt"


def uuid_of(url):
    return url.rstrip("/").rsplit("/", 1)[-1]


def find_or_create_actor(client, key, name):
    """The active medewerker actor identified by ``key`` (e-mail or login)."""
    params = {
        "actoridentificatorObjectId": key[:200],
        "actoridentificatorCodeRegister": ACTOR_REGISTER,
        "soortActor": "medewerker",
    }
    found = next(iter(client.iter_list("actoren", params=params)), None)
    if found:
        return found
    body = {
        "naam": (name or key)[:200],
        "soortActor": "medewerker",
        "indicatieActief": True,
        "actoridentificator": {
            "codeObjecttype": ACTOR_OBJECTTYPE,
            "codeRegister": ACTOR_REGISTER,
            "codeSoortObjectId": ACTOR_ID_KIND,
            "objectId": key[:200],
        },
    }
    return client.request("POST", "actoren", json=body)[0]


def find_internetaak(client, klantcontact_uuid, referentienummer):
    """The internetaak with our number; another system's task with the same
    number (on another klantcontact) is an error, never ours."""
    params = {"referentienummer": referentienummer}
    for taak in client.iter_list("internetaken", params=params):
        if taak.get("referentienummer") != referentienummer:
            continue  # a server that ignored the filter
        cause = (taak.get("aanleidinggevendKlantcontact") or {}).get("uuid")
        if cause != klantcontact_uuid:
            raise ZgwReferenceTakenError(
                client.host, resource="internetaak", number=referentienummer
            )
        return taak
    return None


def publish_internetaak(client, klantcontact_url, actor, task):
    """Create the internetaak once; return it (also when it already existed).

    ``task`` holds gevraagdeHandeling, toelichting, referentienummer and
    status (plus afgehandeldOp when it is already verwerkt).
    """
    kc_uuid = uuid_of(klantcontact_url)
    existing = find_internetaak(client, kc_uuid, task["referentienummer"])
    if existing:
        return existing
    body = {
        "gevraagdeHandeling": task["gevraagdeHandeling"][:200],
        "aanleidinggevendKlantcontact": {"uuid": kc_uuid},
        "toegewezenAanActoren": [{"uuid": actor["uuid"]}],
        "toelichting": (task.get("toelichting") or "")[:1000],
        "referentienummer": task["referentienummer"],
        "status": task.get("status", OPEN),
    }
    if body["status"] == DONE and task.get("afgehandeldOp"):
        body["afgehandeldOp"] = task["afgehandeldOp"]
    try:
        return client.request("POST", "internetaken", json=body)[0]
    except ZgwRequestError:
        # A parallel attempt may have created it (the number is unique).
        existing = find_internetaak(client, kc_uuid, task["referentienummer"])
        if existing:
            return existing
        raise


def get_internetaak(client, url):
    return client.get(url)


def complete_internetaak(client, url, done_at):
    """Mark the internetaak verwerkt (a PATCH; doing it twice is harmless)."""
    body = {"status": DONE, "afgehandeldOp": done_at}
    return client.request("PATCH", url, json=body)[0]
