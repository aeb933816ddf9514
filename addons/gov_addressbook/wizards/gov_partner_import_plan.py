"""What the *Relaties importeren* assistant does with each row of a file.

``ImportPlanner.analyse`` reads the whole file, cleans every row and decides,
without writing anything, what each valid row becomes:

- ``new``: a new relation;
- ``match``: it looks like a relation already there (same KvK number, e-mail,
  phone, or name + postcode + street and number), or like an earlier row with
  the same KvK number: flagged for review or used to update it;
- ``reference``: a shipped province, municipality or water board (by CBS code
  or exact name): linked, never created twice;
- ``already``: a row imported before (same key): skipped, or used to update;
- ``repeat``: the same row occurs earlier in the file: skipped.

``ImportPlanner.write`` then saves the plan in batches.
"""

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from odoo.tools import email_normalize

from .. import quick_search, relation_import
from ..identifiers import InvalidIdentifier

COUNTRY_ALIASES = {
    "nederland": "NL",
    "holland": "NL",
    "thenetherlands": "NL",
    "belgie": "BE",
    "duitsland": "DE",
    "frankrijk": "FR",
    "luxemburg": "LU",
    "verenigdkoninkrijk": "GB",
    "engeland": "GB",
    "spanje": "ES",
    "italie": "IT",
    "oostenrijk": "AT",
    "zwitserland": "CH",
    "denemarken": "DK",
    "polen": "PL",
}
CONTACT_FIELDS = ("email", "phone", "street", "zip", "city", "website", "function")
IDENTIFIERS = relation_import.IDENTIFIERS
NAME_TARGETS = ("name", "organisation", "firstname", "lastname")
# The import key of an organisation created by name only, for the contact
# persons of its row that had a problem, followed by that row's key.
PLACEHOLDER = "pending:"
# Rows between two progress reports (see gov.partner.import._gov_progress).
PROGRESS_EVERY = 2000


@dataclass
class Plan:
    action: str
    partner_id: int = 0  # the existing relation it matches
    other_row: int = 0  # the earlier row it matches
    facts: str = ""
    same_kvk: bool = False  # the KvK number is taken: it is not stored twice
    holder_id: int = 0  # the relation holding the KvK number of a "complete" row


def _name_key(name):
    return " ".join((name or "").split()).lower()


class ImportPlanner:
    def __init__(self, env, wizard):
        self.env = env
        self.wizard = wizard
        self.Partner = env["res.partner"]
        self.preset = wizard.preset_id
        self.table = None
        self.file_error = None
        self.row_count = 0
        self.ignored = []
        self.headers = {}  # target -> the file's column name
        self.rows = []
        self.plans = {}
        self.keys = {}  # row number -> import key
        self.parents = {}  # row number -> ("row", n) | ("partner", id) | ("new", name)
        self.error_rows = {}  # row number -> [sentences]
        self.problem_lines = []
        self.saved = Counter()
        self.taken_kvks = set()
        self.completed = set()  # placeholder organisations completed by a row
        self.new_organisations = {}
        self.placeholders = {}  # name key -> the organisation row with a problem

    # ------------------------------------------------------------------ analyse
    def analyse(self, data):
        _ = self.env._
        try:
            self.table = table = relation_import.read_table(data)
        except relation_import.ImportFileError as error:
            if error.reason == "unreadable":
                self._file_problem(
                    _(
                        "The file cannot be read as an Excel workbook (XLSX). Save "
                        "it again as XLSX or as CSV and try again."
                    )
                )
            else:
                self._file_problem(
                    _(
                        "The file is empty. Choose the exported file (CSV or XLSX) "
                        "and try again."
                    )
                )
            return
        self.row_count = len(table.rows)
        if not self.preset:
            self.preset = self.env["gov.partner.import.preset"]._gov_best_for(
                table.headers
            )
        if not self.preset:
            self._file_problem(_("There is no import preset: add one first."))
            return
        targets, self.ignored = relation_import.map_columns(
            table.headers, self.preset._gov_column_map()
        )
        for header, target in zip(table.headers, targets, strict=True):
            if target:
                self.headers.setdefault(target, header)
        if not any(target in self.headers for target in NAME_TARGETS):
            self._file_problem(
                _(
                    "Preset %(preset)s recognises no name column in this file "
                    "(columns: %(columns)s). Choose another preset or add the "
                    "file's column names to it.",
                    preset=self.preset.name,
                    columns=", ".join(table.headers),
                )
            )
            return
        options = relation_import.Options(
            kind_map=self.preset._gov_kind_map(),
            country_codes=self._country_codes(),
            default_country=self.wizard.default_country_id.code or "",
            text_limits=self.wizard._gov_text_limits_for_rows(),
        )
        width = len(table.headers)
        for index, (number, cells) in enumerate(table.rows):
            if not index % PROGRESS_EVERY:
                self.wizard._gov_progress("checking", index, self.row_count)
            clean = relation_import.clean_row(
                number, relation_import.row_values(cells, targets), options
            )
            if any(cell.strip() for cell in cells[width:]):
                clean.problems.append(
                    relation_import.Problem("", "", "extra_cells", {"count": width})
                )
            self.rows.append(clean)
            for problem in clean.problems:
                self._row_problem(number, self._problem_sentence(problem))
        self._plan_keys()
        self._plan_references()
        self._plan_look_alikes()
        self._plan_organisations()
        self.problem_lines = [
            _("Row %(row)s: %(problem)s", row=number, problem=sentence)
            for number in sorted(self.error_rows)
            for sentence in self.error_rows[number]
        ]

    def _file_problem(self, sentence):
        self.file_error = sentence
        self.problem_lines = [sentence]

    def _row_problem(self, number, sentence):
        self.error_rows.setdefault(number, []).append(sentence)
        self.plans.pop(number, None)

    def valid_rows(self):
        return [row for row in self.rows if row.row not in self.error_rows]

    def count(self, *actions):
        return sum(
            1
            for row in self.valid_rows()
            if row.row in self.plans and self.plans[row.row].action in actions
        )

    def planned_creates(self):
        """How many relations Import creates (flagged look-alikes included)."""
        actions = ("new", "match") if self.wizard.on_match == "review" else ("new",)
        organisations = {
            _name_key(parent[1])
            for number, parent in self.parents.items()
            if parent[0] == "new" and number not in self.error_rows
        }
        return self.count(*actions) + len(organisations)

    def _country_codes(self):
        codes = dict(COUNTRY_ALIASES)
        for lang in {"en_US", self.env.lang or "en_US"}:
            for country in self.env["res.country"].with_context(lang=lang).search([]):
                codes[relation_import.normalise_key(country.name)] = country.code
        for country in self.env["res.country"].search([]):
            codes[relation_import.normalise_key(country.code)] = country.code
        return codes

    def _column(self, target):
        return self.headers.get(target, target)

    def _problem_sentence(self, problem):
        _ = self.env._
        column = self._column(problem.target)
        value = problem.value
        sentences = {
            "nul": lambda: _(
                "%(column)s contains a NUL character: remove it.", column=column
            ),
            "unknown_kind": lambda: _(
                "“%(value)s” in column %(column)s is not a known kind of relation: "
                "add it under Kinds of relation in the preset %(preset)s.",
                value=value,
                column=column,
                preset=self.preset.name,
            ),
            "unknown_party_type": lambda: _(
                "“%(value)s” in column %(column)s is not a party type: use citizen, "
                "company, government, press, civil_society or other.",
                value=value,
                column=column,
            ),
            "missing_name": lambda: _(
                "the row has no name: fill in a name, or a first and last name."
            ),
            "house_number": lambda: _(
                "house number “%(value)s” in column %(column)s does not start with "
                "a number: write it as 12, 12a or 12-2.",
                value=value,
                column=column,
            ),
            "unknown_country": lambda: _(
                "country “%(value)s” in column %(column)s is unknown: use its name "
                "or two-letter code, e.g. Nederland, België or BE.",
                value=value,
                column=column,
            ),
            "postcode": lambda: _(
                "postcode “%(value)s” in column %(column)s is not a valid Dutch "
                "postcode: use four digits and two letters, e.g. 2511 CV; for an "
                "address abroad fill in the country.",
                value=value,
                column=column,
            ),
            "phone": lambda: _(
                "phone number “%(value)s” in column %(column)s is not a phone "
                "number: write it as 030 123 4567 or 06 12345678, or with the "
                "country code for a number abroad (+32 2 123 45 67).",
                value=value,
                column=column,
            ),
            "email": lambda: _(
                "e-mail address “%(value)s” in column %(column)s is not valid: "
                "one address per relation, e.g. info@example.nl.",
                value=value,
                column=column,
            ),
            "identifier": lambda: _(
                "“%(value)s” in column %(column)s: %(why)s",
                value=value,
                column=column,
                why=self.Partner._identifier_message(
                    InvalidIdentifier(problem.target, problem.details["reason"])
                ),
            ),
            "too_long": lambda: _(
                "%(column)s is too long: at most %(limit)s characters.",
                column=column,
                limit=problem.details["limit"],
            ),
            "extra_cells": lambda: _(
                "the row has more cells than the header has columns "
                "(%(count)s): a separator inside a value? Put such values "
                "between double quotes.",
                count=problem.details["count"],
            ),
        }
        return sentences[problem.code]()

    def _plan_keys(self):
        """Rows repeated in the file, and rows imported before (same key)."""
        _ = self.env._
        by_content, by_key = {}, {}
        for row in self.valid_rows():
            source_id = row.values.get("source_id")
            key = self._row_key(row)
            first = by_content.get(row.key)
            if first:
                self.plans[row.row] = Plan("repeat", other_row=first.row)
                continue
            if key in by_key:
                self._row_problem(
                    row.row,
                    _(
                        "ID “%(value)s” in column %(column)s also belongs to row "
                        "%(other)s, with other data: give every relation its own ID.",
                        value=source_id,
                        column=self._column("source_id"),
                        other=by_key[key].row,
                    ),
                )
                continue
            by_content[row.key] = by_key[key] = row
            self.keys[row.row] = key
        existing = self.Partner.with_context(active_test=False).search_fetch(
            [("gov_import_key", "in", list(self.keys.values()))], ["gov_import_key"]
        )
        partner_by_key = {partner.gov_import_key: partner.id for partner in existing}
        for number, key in self.keys.items():
            if key in partner_by_key:
                self.plans[number] = Plan("already", partner_id=partner_by_key[key])
        self._plan_placeholders()

    def _row_key(self, row):
        """The row's import key: the old system's ID, or the row's fingerprint."""
        namespace = relation_import.normalise_key(self.preset.name) or "import"
        source_id = row.values.get("source_id")
        return f"{namespace}:{source_id}" if source_id else row.key

    def _plan_placeholders(self):
        """Organisation rows that complete an organisation an earlier import
        created by name only, because this row had a problem then (see
        _create_named_organisations): by the row's key, else by its name."""
        rows = [
            row
            for row in self._pending()
            if row.values["kind"] == "organisation" and row.row in self.keys
        ]
        if not rows:
            return
        placeholders = self.Partner.with_context(active_test=False).search_fetch(
            [
                ("gov_import_key", "=like", f"{PLACEHOLDER}%"),
                "|",
                (
                    "gov_import_key",
                    "in",
                    [PLACEHOLDER + self.keys[row.row] for row in rows],
                ),
                ("name", "in", [row.values["name"] for row in rows]),
            ],
            ["gov_import_key", "name"],
        )
        by_key = {partner.gov_import_key: partner.id for partner in placeholders}
        by_name = {_name_key(partner.name): partner.id for partner in placeholders}
        for row in rows:
            partner_id = by_key.get(PLACEHOLDER + self.keys[row.row]) or by_name.get(
                _name_key(row.values["name"])
            )
            if partner_id and partner_id not in self.completed:
                self.completed.add(partner_id)
                self.plans[row.row] = Plan("complete", partner_id=partner_id)
        self._plan_completed_kvks()

    def _plan_completed_kvks(self):
        """A completing row whose KvK number another relation holds (or an
        earlier completing row) completes the organisation without it, flagged
        for review, as a look-alike row would be: never a blocked import."""
        completing = [
            row
            for row in self.valid_rows()
            if self.plans.get(row.row)
            and self.plans[row.row].action == "complete"
            and row.values.get("kvk_number")
        ]
        if not completing:
            return
        holders = self.Partner.with_context(active_test=False).search_fetch(
            [("kvk_number", "in", [row.values["kvk_number"] for row in completing])],
            ["kvk_number"],
        )
        holder_of = {partner.kvk_number: partner.id for partner in holders}
        seen = {}
        for row in completing:
            plan = self.plans[row.row]
            kvk = row.values["kvk_number"]
            holder = holder_of.get(kvk)
            if (holder and holder != plan.partner_id) or kvk in seen:
                plan.same_kvk = True
                plan.holder_id = holder or seen[kvk]
                plan.facts = self.env._("KvK number")
                self.taken_kvks.add(kvk)
            else:
                seen[kvk] = plan.partner_id

    def _pending(self):
        return [row for row in self.valid_rows() if row.row not in self.plans]

    def _reference_governments(self):
        if not hasattr(self, "_references"):
            governments = self.Partner.search_fetch(
                [("cbs_code", "!=", False), ("gov_party_type", "=", "government")],
                ["name", "cbs_code"],
            )
            self._references = {}
            for partner in governments:
                self._references[("cbs", partner.cbs_code)] = partner.id
                self._references[("name", _name_key(partner.name))] = partner.id
        return self._references

    def _plan_references(self):
        references = self._reference_governments()
        for row in self._pending():
            if row.values["kind"] != "organisation":
                continue
            partner_id = references.get(
                ("cbs", row.values.get("cbs_code"))
            ) or references.get(("name", _name_key(row.values["name"])))
            if partner_id:
                self.plans[row.row] = Plan("reference", partner_id=partner_id)

    @staticmethod
    def _row_look_alike_keys(values):
        """The keys of res.partner._gov_look_alike_keys, from a row's values."""
        keys = []
        if values.get("kvk_number"):
            keys.append(("kvk_number", values["kvk_number"]))
        email = email_normalize(values.get("email") or "")
        if email:
            keys.append(("email_normalized", email))
        digits = quick_search.phone_digits(values.get("phone"))
        if len(digits) >= 8:
            keys.append(("gov_phone_digits", digits))
        if values.get("name") and values.get("zip") and values.get("street"):
            keys.append(
                (
                    "address",
                    values["name"].strip().lower(),
                    values["zip"].strip().upper(),
                    values["street"].strip().lower(),
                )
            )
        return keys

    def _plan_look_alikes(self):
        pending = self._pending()
        row_keys = {row.row: self._row_look_alike_keys(row.values) for row in pending}
        wanted = {key for keys in row_keys.values() for key in keys}
        searches = {
            name: [key[1] for key in wanted if key[0] == name]
            for name in ("kvk_number", "email_normalized", "gov_phone_digits")
        }
        searches["zip"] = list({key[2] for key in wanted if key[0] == "address"})
        found = self.Partner.browse()
        for field_name, values in searches.items():
            if values:
                # Archived relations too: a KvK number is unique among them all.
                found |= self.Partner.with_context(active_test=False).search_fetch(
                    [(field_name, "in", values)],
                    [
                        "kvk_number",
                        "email_normalized",
                        "gov_phone_digits",
                        "name",
                        "zip",
                        "street",
                    ],
                )
        self.taken_kvks |= set(found.filtered("kvk_number").mapped("kvk_number"))
        ids_by_key = {}
        for other in found:
            for key in set(other._gov_look_alike_keys()) & wanted:
                ids_by_key.setdefault(key, []).append(other.id)
        labels = {
            "kvk_number": self.env._("KvK number"),
            "email_normalized": self.env._("e-mail"),
            "gov_phone_digits": self.env._("phone"),
            "address": self.env._("name and address"),
        }
        # A row completing an organisation stores its KvK number first.
        kvk_rows = {
            row.values["kvk_number"]: row.row
            for row in self.valid_rows()
            if row.values.get("kvk_number")
            and self.plans.get(row.row)
            and self.plans[row.row].action == "complete"
            and not self.plans[row.row].same_kvk
        }
        for row in pending:
            keys = row_keys[row.row]
            shared = [key for key in keys if key in ids_by_key]
            if shared:
                facts = ", ".join(dict.fromkeys(labels[key[0]] for key in shared))
                partner_id = min(i for key in shared for i in ids_by_key[key])
                self.plans[row.row] = Plan(
                    "match",
                    partner_id=partner_id,
                    facts=facts,
                    same_kvk=any(key[0] == "kvk_number" for key in shared),
                )
                continue
            kvk = row.values.get("kvk_number")
            if kvk and kvk in kvk_rows:
                self.plans[row.row] = Plan(
                    "match",
                    other_row=kvk_rows[kvk],
                    facts=labels["kvk_number"],
                    same_kvk=True,
                )
                continue
            if kvk:
                kvk_rows[kvk] = row.row
            self.plans[row.row] = Plan("new")

    def _plan_organisations(self):
        """Link every contact person to its organisation: a row of the file,
        a relation already there, or a new one named in the column."""
        _ = self.env._
        org_rows, bad_org_rows = {}, {}
        for row in self.rows:
            if row.values.get("kind") != "organisation":
                continue
            key = _name_key(row.values.get("name"))
            target = bad_org_rows if row.row in self.error_rows else org_rows
            target.setdefault(key, row.row)
        persons = [row for row in self.valid_rows() if row.values.get("organisation")]
        missing = {
            row.values["organisation"]
            for row in persons
            if _name_key(row.values["organisation"]) not in org_rows
        }
        rows_by_number = {row.row: row for row in self.rows}
        existing = {}
        if missing:
            for partner in self.Partner.search_fetch(
                [("is_company", "=", True), ("name", "in", list(missing))], ["name"]
            ):
                existing.setdefault(_name_key(partner.name), partner.id)
        references = self._reference_governments()
        for row in persons:
            name = row.values["organisation"]
            key = _name_key(name)
            if key in org_rows:
                self.parents[row.row] = ("row", org_rows[key])
            elif key in existing or ("name", key) in references:
                self.parents[row.row] = (
                    "partner",
                    existing.get(key) or references[("name", key)],
                )
            else:
                self.parents[row.row] = ("new", name)
                if key in bad_org_rows:
                    # Its organisation's row has a problem: the person is
                    # imported all the same, with an organisation of that name
                    # that the corrected row completes later.
                    self.placeholders[key] = rows_by_number[bad_org_rows[key]]

    # -------------------------------------------------------------------- write
    def report_lines(self, saved):
        _ = self.env._
        if self.file_error:
            return [self.file_error]
        lines = [
            _(
                "%(rows)s rows read with preset %(preset)s; %(errors)s with a "
                "problem (not imported: see Problems and Rows to fix).",
                rows=self.row_count,
                preset=self.preset.name,
                errors=len(self.error_rows),
            )
        ]
        if saved:
            lines.append(
                _(
                    "Saved: %(created)s new relations (%(organisations)s "
                    "organisations named only as a contact person's organisation), "
                    "%(flagged)s of them flagged as duplicates to review; "
                    "%(updated)s existing relations updated; %(linked)s rows linked "
                    "to a province, municipality or water board; %(skipped)s rows "
                    "skipped (imported before or repeated in the file).",
                    created=self.saved["created"],
                    organisations=self.saved["organisations"],
                    flagged=self.saved["flagged"],
                    updated=self.saved["updated"],
                    linked=self.saved["reference"],
                    skipped=self.count("already", "repeat")
                    - self.saved["updated_already"],
                )
            )
        else:
            lines.append(
                _(
                    "Nothing saved yet. Import would create %(new)s relations, "
                    "handle %(match)s rows that look like a relation already there "
                    "(%(how)s), link %(reference)s rows to a province, "
                    "municipality or water board, and skip %(already)s rows "
                    "imported before and %(repeat)s rows repeated in the file.",
                    new=self.count("new"),
                    match=self.count("match"),
                    how=dict(
                        self.wizard._fields["on_match"]._description_selection(self.env)
                    )[self.wizard.on_match],
                    reference=self.count("reference"),
                    already=self.count("already"),
                    repeat=self.count("repeat"),
                )
            )
        if self.count("complete"):
            lines.append(
                _(
                    "%(count)s rows complete an organisation that an earlier import "
                    "created by name only, for its contact persons.",
                    count=self.count("complete"),
                )
            )
        waiting = list(self.placeholders)
        if waiting:
            lines.append(
                _(
                    "%(count)s organisations with a problem in their own row are "
                    "created by name only, so that their contact persons are "
                    "imported: import the corrected rows (Rows to fix) to complete "
                    "them.",
                    count=len(waiting),
                )
            )
        if self.ignored:
            lines.append(
                _(
                    "Columns not imported (not in the preset): %(columns)s.",
                    columns=", ".join(self.ignored),
                )
            )
        look_alikes = [
            (row, self.plans[row.row])
            for row in self.valid_rows()
            if self.plans.get(row.row) and self.plans[row.row].action == "match"
        ]
        if look_alikes:
            lines.append(_("Rows that look like a relation already there:"))
            names = {
                partner.id: partner.display_name
                for partner in self.Partner.browse(
                    {plan.partner_id for _row, plan in look_alikes if plan.partner_id}
                )
            }
            for row, plan in look_alikes:
                other = (
                    _(
                        "%(name)s (ID %(id)s)",
                        name=names[plan.partner_id],
                        id=plan.partner_id,
                    )
                    if plan.partner_id
                    else _("row %(row)s", row=plan.other_row)
                )
                lines.append(
                    _(
                        "Row %(row)s, %(name)s: looks like %(other)s, same %(facts)s.",
                        row=row.row,
                        name=row.values["name"],
                        other=other,
                        facts=plan.facts,
                    )
                )
        return lines

    # Not a model's write(): ImportPlanner is a plain class.
    def write(self, partners):  # pylint: disable=method-required-super
        """Save the plan: organisations first, then their contact persons."""
        self.Partner = partners
        self.record_of_row = {}
        self.new_organisations = {}
        self.parents_without_address = set()
        self.flagged = []
        self.country_ids = {
            country.code: country.id for country in self.env["res.country"].search([])
        }
        rows = self.valid_rows()
        self.rows_to_write = len(rows)
        self.wizard._gov_progress("saving", 0, self.rows_to_write)
        organisations = [row for row in rows if row.values["kind"] == "organisation"]
        self._write_rows(organisations)
        self._create_named_organisations()
        self._write_rows([row for row in rows if row.values["kind"] == "person"])
        self._post_review_notes()

    def _write_rows(self, rows):
        review = self.wizard.on_match == "review"
        to_create, later = [], []
        # The existing relations the rows update are read together, not one
        # query per row.
        prefetch_ids = tuple({self.plans[row.row].partner_id for row in rows} - {0})
        for row in rows:
            plan = self.plans[row.row]
            if plan.action == "new" or (plan.action == "match" and review):
                to_create.append(row)
            elif plan.action == "repeat":
                later.append(row)
            elif plan.action == "match" and plan.other_row:
                later.append(row)
            else:
                partner = self.Partner.browse(plan.partner_id).with_prefetch(
                    prefetch_ids
                )
                self.record_of_row[row.row] = partner.id
                if plan.action == "complete":
                    self._complete(partner, row)
                    self.saved["completed"] += 1
                elif plan.action == "reference":
                    self._update(partner, row, fill_only=True)
                    self.saved["reference"] += 1
                elif not review:
                    self._update(partner, row, fill_only=False)
                    self.saved["updated"] += 1
                    if plan.action == "already":
                        self.saved["updated_already"] += 1
        parents = self._parent_values(to_create)
        for start in range(0, len(to_create), 1000):
            batch = to_create[start : start + 1000]
            # Odoo syncs a contact person with its organisation one record at a
            # time after the create (a write each); the values it would copy are
            # in the values already (see _parent_values), so that pass is skipped.
            created = self.Partner.with_context(_partners_skip_fields_sync=True).create(
                [self._create_vals(row, parents) for row in batch]
            )
            self._sync_first_addresses(created)
            # Keep the ORM's cache small: 100,000 relations in it slow down every
            # next create.
            self.env.invalidate_all()
            for row, partner in zip(batch, created, strict=True):
                self.record_of_row[row.row] = partner.id
                if self.plans[row.row].action == "match":
                    self.flagged.append((row, partner))
            self.saved["created"] += len(batch)
            self.saved["rows_written"] += len(batch)
            self.wizard._gov_progress(
                "saving", self.saved["rows_written"], self.rows_to_write
            )
        for row in later:
            plan = self.plans[row.row]
            target = self.record_of_row.get(plan.other_row)
            self.record_of_row[row.row] = target
            if plan.action == "match" and target:
                self._update(self.Partner.browse(target), row, fill_only=False)
                self.saved["updated"] += 1

    def _create_named_organisations(self):
        names = {}
        for number, parent in self.parents.items():
            if parent[0] == "new" and number not in self.error_rows:
                names.setdefault(_name_key(parent[1]), parent[1])
        if not names:
            return
        # No address at all, not even a country: the first contact person's
        # address becomes the organisation's (see _sync_first_addresses).
        created = self.Partner.create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "gov_party_type": "other",
                    "gov_import_key": PLACEHOLDER
                    + self._row_key(self.placeholders[key])
                    if key in self.placeholders
                    else False,
                }
                for key, name in names.items()
            ]
        )
        self.new_organisations = {
            key: partner.id for key, partner in zip(names, created, strict=True)
        }
        self.saved["created"] += len(created)
        self.saved["organisations"] += len(created)

    def _parent_id(self, row):
        parent = self.parents.get(row.row)
        if not parent:
            return False
        if parent[0] == "row":
            return self.record_of_row.get(parent[1]) or False
        if parent[0] == "partner":
            return parent[1]
        return self.new_organisations[_name_key(parent[1])]

    def _parent_values(self, rows):
        """{parent id: (party type, values a contact person takes from it)}.

        What res.partner's _fields_sync writes after creating a contact person:
        the commercial fields of its commercial entity and, when the parent has
        an address, the parent's whole address; its language too.
        """
        parent_ids = {self._parent_id(row) for row in rows} - {False}
        result = {}
        commercial_fields = self.Partner._commercial_fields()
        for parent in self.Partner.browse(parent_ids):
            inherited = parent.commercial_partner_id._convert_fields_to_values(
                commercial_fields
            )
            address = parent._get_address_values()
            if not address:
                self.parents_without_address.add(parent.id)
            inherited.update(address, lang=parent.lang)
            result[parent.id] = (parent.gov_party_type, inherited)
        return result

    def _sync_first_addresses(self, created):
        """A contact person's address becomes its organisation's when that has
        none (as Odoo does for the first contact of a company)."""
        address_fields = self.Partner._address_fields()
        for partner in created:
            parent = partner.parent_id
            if parent.id in self.parents_without_address and any(
                partner[name] for name in address_fields
            ):
                parent._update_address(
                    partner._convert_fields_to_values(address_fields)
                )
                self.parents_without_address.discard(parent.id)

    def _create_vals(self, row, parents):
        values = row.values
        plan = self.plans[row.row]
        vals = self._contact_vals(values)
        vals.update(
            {
                field_name: values[field_name]
                for field_name in IDENTIFIERS
                if values.get(field_name)
            }
        )
        if plan.same_kvk:
            # A KvK number is stored once; the note on the flagged relation names
            # the relation that holds it.
            vals.pop("kvk_number", None)
        if plan.action == "match":
            vals["gov_duplicate_review"] = True
        vals["gov_import_key"] = self.keys.get(row.row)
        if values["kind"] == "organisation":
            vals.update(name=values["name"], is_company=True)
        else:
            parent_id = self._parent_id(row)
            vals.update(
                firstname=values["firstname"] or False,
                lastname=values["lastname"],
                name_infix=values["infix"] or False,
                is_company=False,
                parent_id=parent_id,
            )
        parent_type, inherited = parents.get(vals.get("parent_id"), (None, {}))
        vals.update(inherited)
        vals["gov_party_type"] = values.get("party_type") or parent_type or "other"
        return vals

    def _contact_vals(self, values):
        vals = {
            field_name: values[field_name]
            for field_name in CONTACT_FIELDS
            if values.get(field_name)
        }
        if values.get("country"):
            vals["country_id"] = self.country_ids[values["country"]]
        comment = values.get("comment") or ""
        if values.get("mobile"):
            comment = "\n".join(
                filter(None, [comment, self.env._("Mobile: %s", values["mobile"])])
            )
        if comment:
            vals["comment"] = comment
        return vals

    def _complete(self, partner, row):
        """The organisation's own row, corrected, for the organisation an
        earlier import created by name only for its contact persons."""
        vals = self._contact_vals(row.values)
        vals.update(
            {
                field_name: row.values[field_name]
                for field_name in IDENTIFIERS
                if row.values.get(field_name)
            }
        )
        plan = self.plans[row.row]
        if plan.same_kvk:
            # Another relation holds the KvK number: completed without it and
            # flagged, with a note naming that relation.
            vals.pop("kvk_number", None)
            vals["gov_duplicate_review"] = True
            self.flagged.append((row, partner))
        vals.update(
            name=row.values["name"],
            gov_party_type=row.values.get("party_type") or "other",
            gov_import_key=self.keys.get(row.row),
        )
        partner.write(vals)

    def _update(self, partner, row, fill_only):
        """Contact details from the row; identifiers and type only when empty."""
        vals = self._contact_vals(row.values)
        if fill_only:
            vals = {key: value for key, value in vals.items() if not partner[key]}
        for field_name in (*IDENTIFIERS, "gov_party_type"):
            value = row.values.get(
                "party_type" if field_name == "gov_party_type" else field_name
            )
            if value and not partner[field_name]:
                vals[field_name] = value
        if vals.get("kvk_number") in self.taken_kvks:
            del vals["kvk_number"]  # another relation holds it
        if not partner.gov_import_key and self.keys.get(row.row):
            vals["gov_import_key"] = self.keys.pop(row.row)
        vals = {
            key: value
            for key, value in vals.items()
            if partner._fields[key].convert_to_write(partner[key], partner) != value
        }
        if vals:
            partner.write(vals)

    def _post_review_notes(self):
        bodies = {}
        for row, partner in self.flagged:
            plan = self.plans[row.row]
            other = self.Partner.browse(
                plan.holder_id
                or plan.partner_id
                or self.record_of_row.get(plan.other_row)
            )
            bodies[partner.id] = Markup(
                "%s <a href='/odoo/res.partner/%s'>%s</a> (%s)."
            ) % (
                self.env._("Imported as a possible duplicate of"),
                other.id,
                other.display_name,
                self.env._("same %(facts)s", facts=plan.facts),
            )
        if bodies:
            # One insert for all notes instead of a message_post per relation.
            # It creates the notes as superuser, without notifying anyone: safe,
            # as the user has just created these relations and the notes only
            # name a relation the user can read.
            self.Partner.browse(list(bodies))._message_log_batch(
                bodies, message_type="comment"
            )
        self.saved["flagged"] += len(bodies)
