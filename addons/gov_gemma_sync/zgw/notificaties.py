"""Subscribe to the Notificaties API (Open Notificaties 1.16, API 1.0.0)."""

# zaken is required; the Klantinteracties kanalen exist from Open Klant 2.18
# on (klantcontacten) and are only subscribed to when the server has them.
REQUIRED_KANAAL = "zaken"
KANALEN = ("zaken", "internetaken", "klantcontacten")


def available_kanalen(client, wanted=KANALEN):
    """The ``wanted`` kanalen that the Notificaties API knows, in order."""
    known = {k.get("naam") for k in client.get("kanaal") or []}
    return [naam for naam in wanted if naam in known]


def subscribe(client, callback_url, auth, kanalen=KANALEN):
    """Register an abonnement; return its URL.

    Open Notificaties calls ``callback_url`` twice while it validates the
    subscription (once without and once with ``auth``), so the webhook must be
    reachable before this call. Always send the full ``kanalen`` list: an
    update rebuilds the filter groups from the request.
    """
    body = {
        "callbackUrl": callback_url,
        "auth": auth,
        "kanalen": [{"naam": naam, "filters": {}} for naam in kanalen],
    }
    return client.request("POST", "abonnement", json=body)[0]["url"]
