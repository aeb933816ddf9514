"""A generated address-book export shaped like a real one (issue 19). No Odoo.

Dutch column names, ";" as separator, a UTF-8 BOM, postcodes and phone numbers
in every notation people type, organisations each followed by their contact
persons, citizens, rows named like shipped municipalities, provinces and water
boards, diacritics, infixes inside the Achternaam column, and the dirt of a
real export: a share of rows that repeat a relation already in the address
book, rows repeated in the file, invalid KvK numbers and postcodes.

Used by the tests (small files) and by bench/bench_import.py (100,000 rows).
"""

import random
from dataclasses import dataclass, field

HEADERS = [
    "Relatienummer",
    "Soort",
    "Naam",
    "Organisatie",
    "Voornaam",
    "Achternaam",
    "Straat",
    "Huisnummer",
    "Toevoeging",
    "Postcode",
    "Plaats",
    "Telefoon",
    "E-mail",
    "KvK-nummer",
]
FIRST_NAMES = ["Jan", "Zoë", "Anaïs", "Renée", "Jürgen", "Fatima", "Sem", "Noëlle",
               "Mehmet", "Eva", "Daan", "Ingrid", "Çiğdem", "Łukasz"]  # fmt: skip
LAST_NAMES = ["de Vries", "van der Berg", "Jansen", "Bakker", "van den Heuvel",
              "Çelik", "Müller", "ter Horst", "Brontë", "Smit", "in 't Veld",
              "Vries, de", "Dijkstra", "Şahin"]  # fmt: skip
STREETS = ["Dorpsstraat", "Kerkweg", "Stationsplein", "Molenlaan", "Ĳsselkade",
           "Coöperatieweg", "Hoofdstraat", "Émile Zolastraat"]  # fmt: skip
CITIES = ["Utrecht", "Zwolle", "Den Haag", "'s-Hertogenbosch", "Leeuwarden", "Enschede"]
ORG_KINDS = [("Bedrijf", "B.V."), ("Stichting", ""), ("Vereniging", ""),
             ("Organisatie", "Groep")]  # fmt: skip
# Ten notations of the same kind of number.
PHONE_FORMATS = [
    "030-{a}{b}",
    "030 {a} {b}",
    "+31 30 {a}{b}",
    "0031 30 {a} {b}",
    "+31 (0)30 {a} {b}",
    "(030) {a}{b}",
    "06-{a}{b}{c}",
    "06 {a} {b}{c}",
    "+316{a}{b}{c}",
    "06{a}{b}{c}",
]
POSTCODE_FORMATS = ["{d}{l}", "{d} {l}", "{d} {low}", "{d}-{l}", " {d}  {l} "]


@dataclass
class RelationFile:
    data: bytes
    rows: int = 0
    organisations: int = 0
    persons: int = 0
    citizens: int = 0
    governments: int = 0
    repeated_rows: list = field(default_factory=list)
    look_alike_rows: list = field(default_factory=list)
    invalid_kvk_rows: list = field(default_factory=list)
    invalid_postcode_rows: list = field(default_factory=list)

    @property
    def invalid_rows(self):
        return sorted(self.invalid_kvk_rows + self.invalid_postcode_rows)


def kvk(number):
    return f"{number:08d}"


def generate(
    organisations=30,
    persons_per_organisation=3,
    citizens=60,
    governments=(),
    existing_emails=(),
    existing_kvks=(),
    seed=19,
    first_id=1,
    first_kvk=40_000_000,
    invalid_share=0.01,
    repeat_share=0.01,
):
    """The file as bytes plus what went in, with real row numbers (header = 1)."""
    rnd = random.Random(seed)
    result = RelationFile(b"")
    lines = []
    ids = iter(range(first_id, 10**9))
    kvks = iter(range(first_kvk, 10**8))
    look_alikes = list(existing_emails)
    taken_kvks = list(existing_kvks)

    def phone():
        a, b, c = rnd.randint(100, 999), rnd.randint(1000, 9999), rnd.randint(0, 9)
        return rnd.choice(PHONE_FORMATS).format(a=a, b=b, c=c)

    def postcode():
        digits = rnd.randint(1000, 9999)
        letters = rnd.choice("ABCEGHJKLMNPRTVWXZ") + rnd.choice("ABCEGHJKLMNPRTVWXZ")
        return rnd.choice(POSTCODE_FORMATS).format(
            d=digits, l=letters, low=letters.lower()
        )

    def address():
        return {
            "Straat": rnd.choice(STREETS),
            "Huisnummer": str(rnd.randint(1, 400)),
            "Toevoeging": rnd.choice(["", "", "", "a", "B", "2", "bis"]),
            "Postcode": postcode(),
            "Plaats": rnd.choice(CITIES),
        }

    def add(row, kind):
        row = {"Relatienummer": str(next(ids)), **row}
        number = len(lines) + 2
        clean = False
        if rnd.random() < invalid_share:
            if rnd.random() < 0.5 and row.get("KvK-nummer"):
                row["KvK-nummer"] = row["KvK-nummer"][:7]
                result.invalid_kvk_rows.append(number)
            elif row.get("Postcode"):
                row["Postcode"] = row["Postcode"].strip()[:-1]
                result.invalid_postcode_rows.append(number)
        elif look_alikes and rnd.random() < 0.02 and kind != "organisations":
            row["E-mail"] = look_alikes.pop()
            result.look_alike_rows.append(number)
        elif taken_kvks and row.get("KvK-nummer") and rnd.random() < 0.02:
            row["KvK-nummer"] = taken_kvks.pop()
            result.look_alike_rows.append(number)
        else:
            clean = True
        lines.append(row)
        setattr(result, kind, getattr(result, kind) + 1)
        if clean and rnd.random() < repeat_share:
            lines.append(dict(row))
            result.repeated_rows.append(number + 1)

    for index in range(organisations):
        kind, suffix = ORG_KINDS[index % len(ORG_KINDS)]
        name = f"{rnd.choice(['Bakkerij', 'Garage', 'Zorg', 'Natuur'])} {index}"
        name = f"{name} {suffix}".strip()
        add(
            {
                "Soort": kind,
                "Naam": name,
                "Telefoon": phone(),
                "E-mail": f"info@org{index}.example",
                "KvK-nummer": kvk(next(kvks)),
                **address(),
            },
            "organisations",
        )
        for person in range(persons_per_organisation):
            add(
                {
                    "Soort": "Contactpersoon",
                    "Organisatie": name,
                    "Voornaam": rnd.choice(FIRST_NAMES),
                    "Achternaam": rnd.choice(LAST_NAMES),
                    "Telefoon": phone(),
                    "E-mail": f"p{person}.org{index}@org{index}.example",
                },
                "persons",
            )
    for index in range(citizens):
        add(
            {
                "Soort": "Particulier",
                "Voornaam": rnd.choice(FIRST_NAMES),
                "Achternaam": rnd.choice(LAST_NAMES),
                "Telefoon": phone(),
                "E-mail": f"inwoner{index}.{seed}@mail.example",
                **address(),
            },
            "citizens",
        )
    for name in governments:
        add({"Soort": "Overheid", "Naam": name}, "governments")
    result.rows = len(lines)

    def cell(value):
        value = value or ""
        return f'"{value}"' if ";" in value or '"' in value else value

    text = "\r\n".join(
        ";".join(HEADERS)
        if row is None
        else ";".join(cell(row.get(header)) for header in HEADERS)
        for row in [None, *lines]
    )
    result.data = ("\ufeff" + text + "\r\n").encode("utf-8")
    return result
