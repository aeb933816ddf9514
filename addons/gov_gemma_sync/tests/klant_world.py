"""In-memory Open Klant (Klantinteracties 0.9.0) for the test server."""

import uuid

from .klant_taken import TakenWorld


def _ref(base, collection, key):
    return {"uuid": key, "url": f"{base}/{collection}/{key}"}


class KlantWorld(TakenWorld):
    def __init__(self, base):
        self.api = f"{base}/klantinteracties/api/v1"
        self.partijen = {}  # uuid -> (partij, {(codeSoortObjectId, objectId)})
        self.klantcontacten = {}  # uuid -> (klantcontact, partij uuid, onderwerpobject)
        self._init_taken()

    def route(self, method, path, query, body):
        collection, _, key = path.strip("/").partition("/")
        name = f"_{method}_{collection.replace('-', '_')}"
        handler = getattr(self, name + ("_detail" if key else ""), None)
        if handler is None:
            return 404, {"detail": "Niet gevonden."}
        return handler(key, query, body) if key else handler(query, body)

    @staticmethod
    def _page(results):
        return {
            "count": len(results),
            "next": None,
            "previous": None,
            "results": results,
        }

    def _get_partijen(self, query, body):
        wanted = (
            query.get("partijIdentificator__codeSoortObjectId"),
            query.get("partijIdentificator__objectId"),
        )
        return 200, self._page(
            [partij for partij, ids in self.partijen.values() if wanted in ids]
        )

    def _post_partijen(self, query, body):
        key = str(uuid.uuid4())
        ids = set()
        identificatoren = []
        for item in body.get("partijIdentificatoren") or []:
            groep = item["partijIdentificator"]
            ids.add((groep["codeSoortObjectId"], groep["objectId"]))
            identificatoren.append(
                {
                    **_ref(self.api, "partij-identificatoren", str(uuid.uuid4())),
                    "identificeerdePartij": _ref(self.api, "partijen", key),
                    "partijIdentificator": groep,
                }
            )
        identificatie = dict(body.get("partijIdentificatie") or {})
        if body["soortPartij"] == "persoon":
            name = (identificatie.get("contactnaam") or {}).get("achternaam", "")
            identificatie["volledigeNaam"] = name
        partij = {
            **{k: v for k, v in body.items() if k != "partijIdentificatoren"},
            **_ref(self.api, "partijen", key),
            "partijIdentificatie": identificatie,
            "partijIdentificatoren": identificatoren,
            "betrokkenen": [],
            "categorieRelaties": [],
            "vertegenwoordigden": [],
        }
        self.partijen[key] = (partij, ids)
        return 201, partij

    def _get_klantcontacten(self, query, body):
        results = [
            kc
            for kc, partij_key, _subject in self.klantcontacten.values()
            if partij_key == query.get("hadBetrokkene__wasPartij__uuid")
            and kc["onderwerp"] == query.get("onderwerp", kc["onderwerp"])
        ]
        return 200, self._page(results)

    def _post_maak_klantcontact(self, query, body):
        key = str(uuid.uuid4())
        kc_ref = _ref(self.api, "klantcontacten", key)
        betrokkene = {
            **body.get("betrokkene", {}),
            **_ref(self.api, "betrokkenen", str(uuid.uuid4())),
            "hadKlantcontact": kc_ref,
            "digitaleAdressen": [],
            "volledigeNaam": "",
        }
        partij = betrokkene.get("wasPartij")
        if partij:
            betrokkene["wasPartij"] = _ref(self.api, "partijen", partij["uuid"])
        klantcontact = {
            **body["klantcontact"],
            **kc_ref,
            "gingOverOnderwerpobjecten": [],
            "hadBetrokkenActoren": [],
            "hadBetrokkenen": [_ref(self.api, "betrokkenen", betrokkene["uuid"])],
            "leiddeTotInterneTaken": [],
            "omvatteBijlagen": [],
        }
        answer = {"klantcontact": klantcontact, "betrokkene": betrokkene}
        subject = body.get("onderwerpobject")
        if subject:
            subject = {
                **subject,
                **_ref(self.api, "onderwerpobjecten", str(uuid.uuid4())),
                "klantcontact": kc_ref,
            }
            klantcontact["gingOverOnderwerpobjecten"] = [
                _ref(self.api, "onderwerpobjecten", subject["uuid"])
            ]
            answer["onderwerpobject"] = subject
        self.klantcontacten[key] = (klantcontact, partij and partij["uuid"], subject)
        return 201, answer
