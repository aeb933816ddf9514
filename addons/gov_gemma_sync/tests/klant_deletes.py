"""Digitale adressen and DELETE of the in-memory Open Klant (Klantinteracties
0.9.0), as the anonymisation uses them. Each rule says where it was seen."""

import uuid

from .klant_taken import _ref

# Open Klant 2.18.0 (OPENKLANT-BEHAVIOUR.md line 19): an unknown uuid in the
# path is a 404 with code not_found.
NOT_FOUND = {
    "type": "https://example.invalid/fouten/NotFound/",
    "code": "not_found",
    "title": "Niet gevonden.",
    "status": 404,
    "detail": "Niet gevonden.",
    "instance": "urn:uuid:00000000-0000-4000-8000-000000000000",
}


class DeleteWorld:
    """Mixed into KlantWorld (``self.api``, ``self.partijen`` and so on)."""

    def _init_adressen(self):
        self.digitaleadressen = {}  # uuid -> digitaal adres

    def add_digitaal_adres(self, partij_uuid, adres, soort="email"):
        """A digitaal adres the partij gave (as another system would add it)."""
        key = str(uuid.uuid4())
        self.digitaleadressen[key] = {
            **_ref(self.api, "digitaleadressen", key),
            "verstrektDoorPartij": _ref(self.api, "partijen", partij_uuid),
            "adres": adres,
            "soortDigitaalAdres": soort,
            "isStandaardAdres": False,
        }
        return self.digitaleadressen[key]

    def _get_digitaleadressen(self, query, body):
        filters = {
            "verstrektDoorPartij__uuid": lambda a: {
                (a.get("verstrektDoorPartij") or {}).get("uuid")
            },
        }
        rows = list(self.digitaleadressen.values())
        return self._page(self._filter(query, filters, rows), query)

    @staticmethod
    def _delete(store, key):
        if key not in store:
            return 404, NOT_FOUND
        del store[key]
        return 204, None

    def _delete_partijen_detail(self, key, query, body):
        # Open Klant 2.18.0 (OPENKLANT-BEHAVIOUR.md line 45): the partij's
        # identificatoren go with it; here they are held on the partij, so a
        # new partij may carry the same BSN afterwards.
        return self._delete(self.partijen, key)

    def _delete_klantcontacten_detail(self, key, query, body):
        # Open Klant 2.18.0 (OPENKLANT-BEHAVIOUR.md line 57): the betrokkenen
        # of the klantcontact are deleted too.
        status, answer = self._delete(self.klantcontacten, key)
        if status == 204:
            self.betrokkenen = {
                k: b
                for k, b in self.betrokkenen.items()
                if b["hadKlantcontact"]["uuid"] != key
            }
        return status, answer

    def _delete_internetaken_detail(self, key, query, body):
        return self._delete(self.internetaken, key)

    def _delete_digitaleadressen_detail(self, key, query, body):
        return self._delete(self.digitaleadressen, key)

    def _delete_betrokkenen_detail(self, key, query, body):
        # OPENKLANT-BEHAVIOUR.md line 57: DELETE betrokkene -> 204.
        return self._delete(self.betrokkenen, key)
