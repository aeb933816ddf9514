"""In-memory Open Klant (Klantinteracties 0.9.0) for the test server.

Beyond what the OAS says, it enforces the rules the real Open Klant enforces;
each rule names the server version and the source where it was seen. A
filter the client sends that this stand-in does not implement is answered
with 501 and reported as a test error: an ignored filter would make a test
pass that fails against the real server.
"""

import uuid

from stdnum.nl import bsn as elfproef

from .klant_deletes import DeleteWorld
from .klant_taken import NotImplementedFilter, TakenWorld, ValidatieFout

# Open Klant 2.18.0, Klantinteracties OAS tag "partij-identificatoren" and
# models/validators.py: the allowed register / objecttype / soort
# combinations, and the format of each objectId.
IDENTIFICATOR_KINDS = {
    ("brp", "natuurlijk_persoon", "bsn"),
    ("hr", "niet_natuurlijk_persoon", "kvk_nummer"),
    ("hr", "niet_natuurlijk_persoon", "rsin"),
    ("hr", "vestiging", "vestigingsnummer"),
}
OBJECT_ID_DIGITS = {"bsn": 9, "rsin": 9, "kvk_nummer": 8, "vestigingsnummer": 12}


def _ref(base, collection, key):
    return {"uuid": key, "url": f"{base}/{collection}/{key}"}


def _full_name(contactnaam):
    """Open Klant 2.18.0 derives volledigeNaam from the parts ("Jan de Vries")."""
    parts = ("voornaam", "voorvoegselAchternaam", "achternaam")
    return " ".join(contactnaam[p] for p in parts if contactnaam.get(p))


class KlantWorld(DeleteWorld, TakenWorld):
    def __init__(self, base):
        self.api = f"{base}/klantinteracties/api/v1"
        self.partijen = {}  # uuid -> (partij, {(codeSoortObjectId, objectId)})
        self.klantcontacten = {}  # uuid -> (klantcontact, partij uuid, onderwerpobject)
        self.betrokkenen = {}  # uuid -> betrokkene
        self._init_taken()
        self._init_adressen()

    def route(self, method, path, query, body):
        collection, _, key = path.strip("/").partition("/")
        name = f"_{method}_{collection.replace('-', '_')}"
        handler = getattr(self, name + ("_detail" if key else ""), None)
        if handler is None:
            return 404, {"detail": "Niet gevonden."}
        try:
            return handler(key, query, body) if key else handler(query, body)
        except ValidatieFout as fout:
            return 400, fout.body()
        except NotImplementedFilter as missing:
            return 501, {"detail": f"Filter {missing} not implemented by the stand-in."}

    # --- partijen ---------------------------------------------------------

    def _get_partijen(self, query, body):
        filters = {
            "partijIdentificator__codeSoortObjectId": lambda row: {
                code for code, _value in row[1]
            },
            "partijIdentificator__objectId": lambda row: {
                value for _code, value in row[1]
            },
            "soortPartij": lambda row: {row[0]["soortPartij"]},
        }
        rows = [(p, ids) for p, ids in self.partijen.values()]
        results = self._filter(query, filters, rows)
        # Both identificator filters must hold for the same identificator.
        wanted = (
            query.get("partijIdentificator__codeSoortObjectId"),
            query.get("partijIdentificator__objectId"),
        )
        if all(wanted):
            results = [(p, ids) for p, ids in results if wanted in ids]
        return self._page([p for p, _ids in results], query)

    def _check_identificator(self, item, field):
        """Open Klant 2.18.0 partij-identificatoren rules (OAS tag text)."""
        groep = item["partijIdentificator"]
        kind = (
            groep.get("codeRegister"),
            groep.get("codeObjecttype"),
            groep.get("codeSoortObjectId"),
        )
        if kind not in IDENTIFICATOR_KINDS:
            raise ValidatieFout(
                f"{field}.partijIdentificatorCodeSoortObjectId",
                "invalid",
                "Combinatie van register, objecttype en soort is niet toegestaan.",
            )
        soort, value = kind[2], groep.get("objectId") or ""
        digits = OBJECT_ID_DIGITS[soort]
        if not (value.isdigit() and len(value) == digits) or (
            soort in ("bsn", "rsin") and not elfproef.is_valid(value)
        ):
            raise ValidatieFout(
                f"{field}.partijIdentificatorObjectId",
                "invalid",
                f"Ongeldig {soort}.",
            )
        if soort == "vestigingsnummer" and not item.get("subIdentificatorVan"):
            # Open Klant 2.18.0 OAS "subIdentificatorVan": a vestigingsnummer
            # needs its kvk_nummer identificator.
            raise ValidatieFout(
                "subIdentificatorVan",
                "invalid",
                "Een vestigingsnummer vereist een subIdentificatorVan.",
            )

    def _post_partijen(self, query, body):
        key = str(uuid.uuid4())
        ids = set()
        identificatoren = []
        taken = {
            identity for _partij, known in self.partijen.values() for identity in known
        }
        for index, item in enumerate(body.get("partijIdentificatoren") or []):
            field = f"partijIdentificatoren.{index}"
            groep = item.get("partijIdentificator")
            if not groep:
                # Open Klant 2.18.0 (#593): partijIdentificator is required.
                raise ValidatieFout(
                    f"{field}.partijIdentificator", "required", "Dit veld is vereist."
                )
            self._check_identificator(item, field)
            identity = (groep["codeSoortObjectId"], groep["objectId"])
            if identity in taken:
                # Open Klant 2.5.0 (#267), OAS "Global Uniqueness": an
                # identificator exists once across all partijen.
                raise ValidatieFout(
                    "__all__",
                    "unique",
                    "Partij identificator met deze velden bestaat al.",
                )
            if groep["codeSoortObjectId"] in {code for code, _v in ids}:
                # Same source, "Local Uniqueness": one per soort per partij.
                raise ValidatieFout(
                    "__all__",
                    "unique",
                    "Een partij heeft maximaal één identificator van deze soort.",
                )
            ids.add(identity)
            identificatoren.append(
                {
                    **_ref(self.api, "partij-identificatoren", str(uuid.uuid4())),
                    "identificeerdePartij": _ref(self.api, "partijen", key),
                    "partijIdentificator": groep,
                }
            )
        identificatie = dict(body.get("partijIdentificatie") or {})
        if body["soortPartij"] == "persoon":
            naam = dict(identificatie.get("contactnaam") or {})
            if not naam.get("achternaam"):
                raise ValidatieFout(
                    "partijIdentificatie.contactnaam.achternaam",
                    "required",
                    "Dit veld is vereist.",
                )
            identificatie["volledigeNaam"] = _full_name(naam)
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

    # --- klantcontacten ---------------------------------------------------

    def _get_klantcontacten(self, query, body):
        filters = {
            "referentienummer": lambda row: {row[0].get("referentienummer")},
            "hadBetrokkene__wasPartij__uuid": lambda row: {row[1]},
            "onderwerp": lambda row: {row[0]["onderwerp"]},
            "kanaal": lambda row: {row[0]["kanaal"]},
            "plaatsgevondenOp": lambda row: {row[0].get("plaatsgevondenOp")},
        }
        rows = list(self.klantcontacten.values())
        results = [row[0] for row in self._filter(query, filters, rows)]
        # Open Klant 2.18.0 lists the newest plaatsgevondenOp first.
        results.sort(key=lambda kc: kc.get("plaatsgevondenOp") or "", reverse=True)
        return self._page(results, query)

    def _post_maak_klantcontact(self, query, body):
        contact = body["klantcontact"]
        numbers = [
            kc.get("referentienummer") for kc, *_ in self.klantcontacten.values()
        ]
        self._check_referentienummer(
            contact, numbers, "klantcontact.referentienummer", "Klantcontact"
        )
        partij = (body.get("betrokkene") or {}).get("wasPartij")
        if partij and partij.get("uuid") not in self.partijen:
            raise ValidatieFout(
                "betrokkene.wasPartij",
                "does_not_exist",
                "Ongeldige uuid - object bestaat niet.",
            )
        key = str(uuid.uuid4())
        kc_ref = _ref(self.api, "klantcontacten", key)
        betrokkene = {
            **body.get("betrokkene", {}),
            **_ref(self.api, "betrokkenen", str(uuid.uuid4())),
            "hadKlantcontact": kc_ref,
            "digitaleAdressen": [],
        }
        naam = betrokkene.get("contactnaam") or {}
        betrokkene["volledigeNaam"] = (
            _full_name(naam) or betrokkene.get("organisatienaam") or ""
        )
        if partij:
            betrokkene["wasPartij"] = _ref(self.api, "partijen", partij["uuid"])
        klantcontact = {
            "hoofdOnderwerpType": "",
            "metadata": {},
            "verdereActieOndernomen": False,
            **contact,
            **kc_ref,
            "gingOverOnderwerpobjecten": [],
            "hadBetrokkenActoren": [],
            "hadBetrokkenen": [_ref(self.api, "betrokkenen", betrokkene["uuid"])],
            "leiddeTotInterneTaken": [],
            "omvatteBijlagen": [],
        }
        # Open Klant 2.18.0 answers null for a part not sent, which its own
        # OAS does not allow; the key is left out so the answer validates.
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
        self.betrokkenen[betrokkene["uuid"]] = betrokkene
        return 201, answer
