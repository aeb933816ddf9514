"""Erase our copies in the Klantinteracties register (0.9.0, no Odoo here).

``DELETE`` answers 204. A copy the server says is gone (404 with the API's
problem body, or 410) counts as erased: a retry after a lost answer, or a
colleague who erased it there by hand, is not an error. The order matters:
an interne taak before the klantcontact it came from, and the digitale
adressen of a partij before the partij itself. Deleting a klantcontact also
deletes its betrokkenen (Open Klant 2.18.0).
"""

# resource -> collection path, in the order in which copies are erased
COLLECTIONS = {
    "internetaak": "internetaken",
    "klantcontact": "klantcontacten",
    "digitaal_adres": "digitaleadressen",
    "partij": "partijen",
}
ORDER = tuple(COLLECTIONS)


def uuid_of(url):
    return url.rstrip("/").rsplit("/", 1)[-1]


def copy_url(client, resource, uuid):
    """The URL of a copy known only by its uuid (a partij)."""
    return client.url(f"{COLLECTIONS[resource]}/{uuid}")


def delete_copy(client, url):
    """Delete one copy; True when the server deleted it, False when it was
    already gone. Any other answer raises the client's ZgwError."""
    _body, response = client.request("DELETE", url, gone_ok=True)
    return response.status_code < 400


def partij_digitale_adressen(client, partij_uuid):
    """The digitale adressen the partij gave (uuid and url only)."""
    params = {"verstrektDoorPartij__uuid": partij_uuid}
    return [
        {"uuid": adres["uuid"], "url": adres["url"]}
        for adres in client.iter_list("digitaleadressen", params=params)
    ]
