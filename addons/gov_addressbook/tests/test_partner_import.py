import base64
import csv
import io
from unittest.mock import patch

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user, tagged

from ..wizards.gov_partner_import_plan import ImportPlanner
from . import relation_file
from .common import GovAddressbookCase

HEADER = relation_file.HEADERS


def csv_bytes(rows, headers=tuple(HEADER), separator=";"):
    """A file as a Dutch spreadsheet exports it: BOM, ";" and CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(header, "") for header in headers])
    return out.getvalue().encode("utf-8-sig")


@tagged("post_install", "-at_install")
class TestPartnerImport(GovAddressbookCase):
    """Relaties importeren: a whole old address book in one Test and one Import."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The address-book manager persona, not the administrator.
        cls.manager = new_test_user(
            cls.env, "gov_import_manager", groups="gov_addressbook.group_manager"
        )
        # The demo company of a fresh database is American: the file's postcodes
        # must still be treated as Dutch (the assistant's default country).
        cls.env.company.country_id = cls.env.ref("base.us")
        cls.karin = cls.Partner.create(
            {"name": "Karin Dubbel", "email": "karin@example.nl"}
        )
        cls.old_company = cls.Partner.create(
            {"name": "Oud Bedrijf BV", "is_company": True, "kvk_number": "12345678"}
        )
        cls.file = relation_file.generate(
            organisations=40,
            existing_emails=["karin@example.nl"],
            existing_kvks=["12345678"],
            governments=["Gemeente Utrecht", "Provincie Utrecht"],
            invalid_share=0.03,
            seed=4,
        )

    def _wizard(self, data, **values):
        return (
            self.env["gov.partner.import"]
            .with_user(self.manager)
            .create(
                {
                    "file": base64.b64encode(data),
                    "file_name": "relaties.csv",
                    **values,
                }
            )
        )

    def _count(self):
        return self.Partner.with_context(active_test=False).search_count([])

    def test_test_checks_the_whole_file_and_saves_nothing(self):
        self.assertTrue(self.file.invalid_kvk_rows and self.file.invalid_postcode_rows)
        before = self._count()
        wizard = self._wizard(self.file.data)
        wizard.action_test()
        self.assertEqual(self._count(), before)
        self.assertEqual(wizard.row_count, self.file.rows)
        self.assertEqual(wizard.preset_id.name, "Spreadsheet (Dutch column names)")
        problems = wizard.problems.splitlines()
        # Every invalid row, with the row number as in the file (header = row 1)
        # and the value itself, also past the 2,000-row batches of Odoo's import.
        for number in self.file.invalid_kvk_rows:
            self.assertTrue(
                any(
                    line.startswith(f"Row {number}: “")
                    and "in column KvK-nummer: KvK number is not valid" in line
                    for line in problems
                ),
                (number, problems),
            )
        for number in self.file.invalid_postcode_rows:
            self.assertTrue(
                any(line.startswith(f"Row {number}: postcode “") for line in problems),
                (number, problems),
            )
        # The look-alike is a note in the report, never a problem that stops.
        self.assertIn("looks like Karin Dubbel (ID", wizard.report)
        self.assertNotIn("Karin", wizard.problems)

    def test_import_saves_every_valid_row_and_hands_back_the_rest(self):
        before = self._count()
        wizard = self._wizard(self.file.data)
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertEqual(self._count() - before, wizard.create_count)
        self.assertIn(f"Saved: {wizard.create_count} new relations", wizard.report)
        to_fix = base64.b64decode(wizard.error_file).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(to_fix), delimiter=";"))
        self.assertEqual(rows[0], [*HEADER, "Problem"])
        self.assertEqual(len(rows) - 1, wizard.error_count)
        # Fixed outside Odoo (or right in the downloaded file) and imported again:
        # only the fixed rows are new.
        for row in rows[1:]:
            row[HEADER.index("Postcode")] = "3511 AB"
            if len(row[HEADER.index("KvK-nummer")]) == 7:
                row[HEADER.index("KvK-nummer")] += "9"
        fixed = csv_bytes(
            [dict(zip(HEADER, row, strict=False)) for row in rows[1:]], HEADER
        )
        again = self._wizard(fixed)
        again.action_import()
        self.assertFalse(again.problems)
        # A fixed organisation row completes the organisation its contact
        # persons got the first time; every other fixed row is new.
        self.assertEqual(again.create_count + again.match_count, len(rows) - 1)

    def test_importing_the_same_file_again_creates_nothing(self):
        self._wizard(self.file.data).action_import()
        before = self._count()
        again = self._wizard(self.file.data)
        again.action_import()
        self.assertEqual(self._count(), before)
        self.assertEqual(again.create_count, 0)
        self.assertIn("Saved: 0 new relations", again.report)
        # Without an ID column the row's fingerprint is its key.
        plain = csv_bytes(
            [{"Voornaam": "Els", "Achternaam": "Kok", "E-mail": "els@kok.example"}],
            ["Voornaam", "Achternaam", "E-mail"],
        )
        self._wizard(plain).action_import()
        self._wizard(plain).action_import()
        self.assertEqual(self.Partner.search_count([("name", "=", "Els Kok")]), 1)

    def test_a_failed_import_saves_nothing_and_says_so(self):
        before = self._count()
        wizard = self._wizard(self.file.data)
        with patch.object(
            ImportPlanner,
            "_post_review_notes",
            side_effect=ValidationError("the mail server is gone"),
        ):
            wizard.action_import()
        self.assertEqual(self._count(), before)
        self.assertTrue(
            wizard.report.startswith("Nothing was saved: the mail server is gone."),
            wizard.report,
        )
        # The retry goes through: nothing of the failed run is in the way.
        wizard.action_import()
        self.assertEqual(wizard.state, "done")
        self.assertGreater(self._count() - before, 200)

    def test_an_existing_kvk_number_is_flagged_not_blocking(self):
        data = csv_bytes(
            [
                {"Soort": "Bedrijf", "Naam": "Oud Bedrijf", "KvK-nummer": "1234 5678"},
                {"Soort": "Bedrijf", "Naam": "Nieuw BV", "KvK-nummer": "87654321"},
                {"Soort": "Bedrijf", "Naam": "Nieuw 2", "KvK-nummer": "87654321"},
            ]
        )
        wizard = self._wizard(data)
        wizard.action_import()
        self.assertFalse(wizard.problems)
        flagged = self.Partner.search([("name", "in", ["Oud Bedrijf", "Nieuw 2"])])
        self.assertEqual(len(flagged), 2)
        self.assertTrue(all(flagged.mapped("gov_duplicate_review")))
        self.assertFalse(any(flagged.mapped("kvk_number")))
        note = flagged.filtered(lambda p: p.name == "Oud Bedrijf").message_ids[:1]
        self.assertIn(f"/odoo/res.partner/{self.old_company.id}", note.body)
        self.assertIn("same KvK number", note.body)
        self.assertEqual(
            self.Partner.search([("kvk_number", "=", "87654321")]).name, "Nieuw BV"
        )
        # Or, as the administrator chooses, the existing relation is updated.
        update = csv_bytes(
            [
                {
                    "Naam": "Oud Bedrijf",
                    "KvK-nummer": "12345678",
                    "Telefoon": "0301234567",
                }
            ]
        )
        self._wizard(update, on_match="update").action_import()
        self.assertEqual(self.old_company.phone, "+31 30 123 4567")
        self.assertEqual(self.old_company.name, "Oud Bedrijf BV")

    def test_messages_name_the_value_and_the_row(self):
        data = csv_bytes(
            [
                {"Soort": "Bedrijf", "Naam": "Goed BV", "KvK-nummer": "11223344"},
                {"Soort": "Bedrijf", "Naam": "Fout BV", "KvK-nummer": "1234567"},
                {"Soort": "Particulier", "Achternaam": "Kok", "Telefoon": "bellen"},
                {"Soort": "Marsmannetje", "Naam": "Zork"},
                {"Voornaam": "Piet", "E-mail": "piet@"},
            ]
        )
        wizard = self._wizard(data)
        wizard.action_test()
        self.assertEqual(
            wizard.problems.splitlines(),
            [
                "Row 3: “1234567” in column KvK-nummer: KvK number is not valid: "
                "it must be exactly 8 digits.",
                "Row 4: phone number “bellen” in column Telefoon is not a phone "
                "number: write it as 030 123 4567 or 06 12345678, or with the "
                "country code for a number abroad (+32 2 123 45 67).",
                "Row 5: “Marsmannetje” in column Soort is not a known kind of "
                "relation: add it under Kinds of relation in the preset "
                "Spreadsheet (Dutch column names).",
                "Row 6: e-mail address “piet@” in column E-mail is not valid: one "
                "address per relation, e.g. info@example.nl.",
            ],
        )
        self.assertEqual(wizard.error_count, 4)

    def test_shipped_governments_are_recognised(self):
        utrecht = self.env.ref("gov_addressbook.gov_government_gm0344")
        province = self.env.ref("gov_addressbook.gov_government_pv26")
        before = self._count()
        data = csv_bytes(
            [
                {"Naam": "Gemeente Utrecht", "Telefoon": "030 286 0000"},
                {"Soort": "Overheid", "Naam": "provincie  utrecht"},
                {
                    "Soort": "Contactpersoon",
                    "Organisatie": "Gemeente Utrecht",
                    "Voornaam": "Anne",
                    "Achternaam": "de Wit",
                },
            ]
        )
        wizard = self._wizard(data)
        wizard.action_import()
        self.assertEqual(wizard.match_count, 2)
        self.assertEqual(self._count() - before, 1)
        anne = self.Partner.search(
            [("lastname", "=", "Wit"), ("firstname", "=", "Anne")]
        )
        self.assertEqual(anne.parent_id, utrecht)
        self.assertEqual(anne.gov_party_type, "government")
        self.assertEqual(utrecht.phone, "+31 30 286 0000")
        self.assertEqual(province.name, "Provincie Utrecht")

    def test_dutch_addresses_names_and_kinds(self):
        data = csv_bytes(
            [
                {
                    "Soort": "Particulier",
                    "Voornaam": "Zoë",
                    "Achternaam": "de Vries",
                    "Straat": "Dorpsstraat",
                    "Huisnummer": "12",
                    "Toevoeging": "a",
                    "Postcode": "1234ab",
                    "Telefoon": "+31 (0)6-1234 5678",
                },
                {
                    "Soort": "Persoon",
                    "Voornaam": "Jürgen",
                    "Achternaam": "Berg, van der",
                    "Straat": "Kerkweg",
                    "Huisnummer": "7",
                    "Toevoeging": "2",
                    "Postcode": " 2511  cv ",
                    "Telefoon": "0031 30 123 45 67",
                },
                {"Naam": "Zonder Soort", "KvK-nummer": "55667788"},
                {"Soort": "Stichting", "Naam": "Natuur Nu"},
            ]
        )
        wizard = self._wizard(data)
        wizard.action_import()
        self.assertFalse(wizard.problems)
        zoe = self.Partner.search([("firstname", "=", "Zoë")])
        self.assertEqual(
            (zoe.name_infix, zoe.lastname, zoe.name), ("de", "Vries", "Zoë de Vries")
        )
        self.assertEqual(zoe.street, "Dorpsstraat 12a")
        self.assertEqual(zoe.zip, "1234 AB")
        self.assertEqual(zoe.country_id, self.env.ref("base.nl"))
        self.assertEqual(zoe.phone, "+31 6 12345678")
        self.assertEqual(zoe.gov_party_type, "citizen")
        self.assertFalse(zoe.is_company)
        self.assertIn(
            zoe, self.Partner.search([("gov_phone_digits", "=", "0612345678")])
        )
        jurgen = self.Partner.search([("firstname", "=", "Jürgen")])
        self.assertEqual((jurgen.name_infix, jurgen.lastname), ("van der", "Berg"))
        self.assertEqual(jurgen.street, "Kerkweg 7-2")
        self.assertEqual(jurgen.zip, "2511 CV")
        self.assertEqual(jurgen.phone, "+31 30 123 4567")
        company = self.Partner.search([("kvk_number", "=", "55667788")])
        self.assertEqual(
            (company.is_company, company.gov_party_type), (True, "company")
        )
        foundation = self.Partner.search([("name", "=", "Natuur Nu")])
        self.assertEqual(foundation.gov_party_type, "civil_society")
        self.assertTrue(foundation.is_company)

    def test_contact_persons_find_their_organisation_anywhere(self):
        self._wizard(self.file.data).action_import()
        persons = self.Partner.search(
            [("email", "=like", "p%.org%@org%.example"), ("is_company", "=", False)]
        )
        self.assertTrue(persons)
        self.assertFalse(persons.filtered(lambda p: not p.parent_id))
        # As Odoo's own create does: a contact person shares the organisation's
        # address and commercial entity.
        for person in persons[:20]:
            self.assertEqual(person.street, person.parent_id.street)
            self.assertEqual(person.zip, person.parent_id.zip)
            self.assertEqual(person.commercial_partner_id, person.parent_id)
        # A later file with only contact persons finds the organisation imported
        # before; one named nowhere is created.
        organisation = persons[0].parent_id
        later = csv_bytes(
            [
                {
                    "Organisatie": organisation.name,
                    "Voornaam": "Kees",
                    "Achternaam": "Kok",
                },
                {"Organisatie": "Nergens BV", "Voornaam": "Ria", "Achternaam": "Kok"},
            ]
        )
        self._wizard(later).action_import()
        kees = self.Partner.search([("firstname", "=", "Kees")])
        self.assertEqual(kees.parent_id, organisation)
        ria = self.Partner.search([("firstname", "=", "Ria")])
        self.assertTrue(ria.parent_id.is_company)
        self.assertEqual(ria.parent_id.name, "Nergens BV")
        # The first contact person's address becomes that of an organisation
        # without one.
        first = csv_bytes(
            [
                {
                    "Organisatie": "Adresloos BV",
                    "Voornaam": "Bo",
                    "Achternaam": "Kok",
                    "Straat": "Kerkweg",
                    "Huisnummer": "1",
                    "Postcode": "1234AB",
                },
            ]
        )
        self._wizard(first).action_import()
        bo = self.Partner.search([("firstname", "=", "Bo")])
        self.assertEqual(bo.parent_id.street, "Kerkweg 1")
        self.assertEqual(bo.parent_id.zip, "1234 AB")

    def test_contact_persons_of_an_organisation_with_a_problem_get_in(self):
        rows = [
            {
                "Relatienummer": "900",
                "Soort": "Bedrijf",
                "Naam": "Dakwerk Ĳssel BV",
                "Postcode": "123",
                "KvK-nummer": "55667788",
            },
            {
                "Relatienummer": "901",
                "Soort": "Contactpersoon",
                "Organisatie": "Dakwerk Ĳssel BV",
                "Voornaam": "Noor",
                "Achternaam": "van Dijk",
            },
            {
                "Relatienummer": "902",
                "Soort": "Contactpersoon",
                "Organisatie": "Dakwerk Ĳssel BV",
                "Voornaam": "Sem",
                "Achternaam": "Bos",
            },
        ]
        before = self._count()
        wizard = self._wizard(csv_bytes(rows))
        wizard.action_import()
        # Only the organisation's own row is to fix; its persons are in, with
        # an organisation of that name.
        self.assertEqual(wizard.error_count, 1)
        self.assertEqual(self._count() - before, 3)
        self.assertIn("1 organisations with a problem in their own row", wizard.report)
        noor = self.Partner.search([("firstname", "=", "Noor")])
        organisation = noor.parent_id
        self.assertEqual(organisation.name, "Dakwerk Ĳssel BV")
        self.assertFalse(organisation.kvk_number)
        # The same file again creates nothing.
        self._wizard(csv_bytes(rows)).action_import()
        self.assertEqual(self._count() - before, 3)
        # The corrected row completes that organisation instead of adding one.
        rows[0]["Postcode"] = "1234 AB"
        fixed = self._wizard(csv_bytes(rows[:1]))
        fixed.action_import()
        self.assertFalse(fixed.problems)
        self.assertEqual(self._count() - before, 3)
        self.assertEqual(
            (organisation.zip, organisation.kvk_number, organisation.gov_party_type),
            ("1234 AB", "55667788", "company"),
        )
        self.assertEqual(
            self.Partner.search([("firstname", "=", "Sem")]).parent_id, organisation
        )
        self.assertIn("1 rows complete an organisation", fixed.report)

    def test_a_completing_row_with_a_taken_kvk_number_is_flagged_not_blocking(self):
        rows = [
            {
                "Relatienummer": "910",
                "Soort": "Bedrijf",
                "Naam": "Glaszetter Één BV",
                "Postcode": "12",
                "KvK-nummer": "12345678",  # Oud Bedrijf BV holds it
            },
            {
                "Relatienummer": "911",
                "Soort": "Contactpersoon",
                "Organisatie": "Glaszetter Één BV",
                "Voornaam": "Ida",
                "Achternaam": "Kok",
            },
        ]
        self._wizard(csv_bytes(rows)).action_import()
        organisation = self.Partner.search([("firstname", "=", "Ida")]).parent_id
        rows[0]["Postcode"] = "1234 AB"
        fixed = self._wizard(csv_bytes(rows[:1]))
        fixed.action_import()
        self.assertEqual(fixed.state, "done")
        self.assertEqual(organisation.zip, "1234 AB")
        self.assertFalse(organisation.kvk_number)
        self.assertTrue(organisation.gov_duplicate_review)
        self.assertIn("Oud Bedrijf BV", organisation.message_ids[:1].body)

    def test_presets_are_recognised_and_editable(self):
        dynamics = csv_bytes(
            [{"First Name": "Ann", "Last Name": "Lee", "Email": "ann@lee.example"}],
            ["(Do Not Modify) Contact", "First Name", "Last Name", "Email"],
            separator=",",
        )
        wizard = self._wizard(dynamics)
        wizard._onchange_file()
        self.assertEqual(wizard.preset_id.name, "Microsoft Dynamics")
        wizard.action_import()
        self.assertTrue(self.Partner.search([("email", "=", "ann@lee.example")]))
        preset = self.env.ref(
            "gov_addressbook.gov_partner_import_preset_spreadsheet"
        ).with_user(self.manager)
        preset.kind_map += "\nMarsmannetje = person, other"
        data = csv_bytes([{"Soort": "Marsmannetje", "Naam": "Zork Zwart"}])
        self._wizard(data).action_import()
        self.assertEqual(
            self.Partner.search([("name", "=", "Zork Zwart")]).gov_party_type, "other"
        )
        with self.assertRaises(ValidationError):
            preset.column_map += "\nTelefax = fax"

    def test_messages_are_dutch_for_a_dutch_user(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(
            ["gov_addressbook"], ["nl_NL"], overwrite=True
        )
        data = csv_bytes([{"Soort": "Bedrijf", "Naam": "Fout BV", "Postcode": "123"}])
        # As in the web client: the context carries the user's language.
        wizard = self._wizard(data).with_context(lang="nl_NL")
        wizard.action_test()
        self.assertEqual(
            wizard.problems,
            "Rij 2: postcode “123” in kolom Postcode is geen geldige Nederlandse "
            "postcode: gebruik vier cijfers en twee letters, bijvoorbeeld 2511 CV; "
            "vul voor een adres in het buitenland het land in.",
        )
        self.assertTrue(wizard.report.startswith("1 rijen gelezen met voorinstelling"))

    def test_only_address_book_managers_import(self):
        with self.assertRaises(AccessError):
            self.env["gov.partner.import"].with_user(self.employee).create({})
        with self.assertRaises(AccessError):
            self.env["gov.partner.import.preset"].with_user(self.employee).search([])
