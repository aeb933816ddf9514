"""A dirty address-book export as a functional administrator gets it (issue 19).

Writes a file of ``--rows`` rows (default 10,100) shaped like an export of
PerfectView or a spreadsheet: Dutch column names, ";" as separator, a UTF-8 BOM,
postcodes and phone numbers in every notation people type, organisations each
followed by three contact persons, citizens, diacritics (Zoë, Çelik, Ĳsselkade),
infixes in the Achternaam column ("de Vries", "Vries, de"), rows named exactly
like shipped municipalities, provinces and water boards ("Gemeente Zwolle"), and
the dirt: 2 % rows that repeat a relation already in the address book (its
e-mail address or KvK number), 1 % rows repeated in the file, 1 % invalid KvK
numbers and postcodes.

The relations "already in the address book" are those bench/bench_import.py
creates in its database (``bestaand.<i>@voorbeeld.example``, KvK number
20,000,000 + i for every fourth i), so the file's look-alikes find them there.

Usage: .work/venv/bin/python bench/gen_relation_file.py [--rows 10100]
[--out relaties.csv] [--existing 100000] [--seed 2026]
"""

import argparse
import csv
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDON = ROOT / "addons" / "gov_addressbook"
PERSONS_PER_ORGANISATION = 3
# Shares of the rows: organisations with their contact persons, citizens,
# rows named like a shipped government.
ORGANISATION_SHARE = 0.8
GOVERNMENT_SHARE = 0.015
# Only rows with a KvK number or a postcode can have one wrong (contact persons
# have neither): 2.5 % of the draws is 1 % of all rows.
INVALID_DRAWS = 0.025


def _relation_file():
    """The generator the tests use (plain Python: no Odoo needed)."""
    spec = importlib.util.spec_from_file_location(
        "relation_file", ADDON / "tests" / "relation_file.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shipped_government_names():
    """The names the address book gives its shipped reference relations."""
    reference = ADDON / "data" / "reference"
    names = []
    with open(reference / "nl_provinces.csv", encoding="utf-8") as handle:
        names += [f"Provincie {row['name']}" for row in csv.DictReader(handle)]
    with open(reference / "nl_water_boards.csv", encoding="utf-8") as handle:
        names += [row["name"] for row in csv.DictReader(handle)]
    with open(reference / "nl_municipalities.csv", encoding="utf-8") as handle:
        names += [f"Gemeente {row['name']}" for row in csv.DictReader(handle)]
    return names


def is_postcode(value):
    """Whether ``value`` is a Dutch postcode in one of the file's notations."""
    compact = "".join(value.split()).replace("-", "").upper()
    return len(compact) == 6 and compact[:4].isdigit() and compact[4:].isalpha()


def existing_facts(existing):
    """E-mail addresses and KvK numbers of bench_import's existing relations."""
    emails = [f"bestaand.{i}@voorbeeld.example" for i in range(1, existing, 7)]
    kvks = [f"{20_000_000 + i}" for i in range(0, existing, 4)][1::13]
    return emails, kvks


def generate(rows=10_100, existing=100_000, seed=2026):
    """A RelationFile of exactly ``rows`` rows (header not counted)."""
    relation_file = _relation_file()
    governments = shipped_government_names()[: round(rows * GOVERNMENT_SHARE)]
    emails, kvks = existing_facts(existing)
    # Rows repeated in the file come on top of the others: aim a little lower,
    # then move the difference to the citizens until the count is exact.
    base = round(rows / 1.0098) - len(governments)
    organisations = int(base * ORGANISATION_SHARE) // (1 + PERSONS_PER_ORGANISATION)
    citizens = base - organisations * (1 + PERSONS_PER_ORGANISATION)
    for _attempt in range(20):
        result = relation_file.generate(
            organisations=organisations,
            persons_per_organisation=PERSONS_PER_ORGANISATION,
            citizens=citizens,
            governments=governments,
            existing_emails=emails,
            existing_kvks=kvks,
            seed=seed,
            first_kvk=50_000_000,
            invalid_share=INVALID_DRAWS,
        )
        if result.rows == rows:
            break
        citizens += rows - result.rows
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_100)
    parser.add_argument("--existing", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", default="relaties.csv")
    args = parser.parse_args()
    result = generate(args.rows, args.existing, args.seed)
    Path(args.out).write_bytes(result.data)
    print(
        f"{args.out}: {result.rows:,} rows ({len(result.data) / 1e6:.1f} MB): "
        f"{result.organisations:,} organisations, {result.persons:,} contact "
        f"persons, {result.citizens:,} citizens, {result.governments} named like a "
        f"shipped government; {len(result.look_alike_rows)} look like an existing "
        f"relation, {len(result.repeated_rows)} repeated, "
        f"{len(result.invalid_kvk_rows)} invalid KvK numbers, "
        f"{len(result.invalid_postcode_rows)} invalid postcodes"
    )


if __name__ == "__main__":
    main()
