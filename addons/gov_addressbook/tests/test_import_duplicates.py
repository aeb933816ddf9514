from odoo.tests import tagged

from .common import GovAddressbookCase

CSV = (
    b"name,email,phone,kvk_number,is_company\n"
    b"Bakkerij Korenbloem,info@korenbloem.example,,,1\n"
    b"Karin Nieuw,KARIN@example.nl,,,0\n"
    b"Garage Vonk,,+31 30 123 4567,,1\n"
    b"Geheel Nieuw BV,nieuw@example.nl,,69599068,1\n"
)
FIELDS = ["name", "email", "phone", "kvk_number", "is_company"]


@tagged("post_install", "-at_install")
class TestImportDuplicates(GovAddressbookCase):
    """An import reports and flags rows that look like existing relations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.karin = cls.Partner.create(
            {"name": "Karin Dubbel", "email": "karin@example.nl"}
        )
        cls.garage = cls.Partner.create(
            {"name": "Autobedrijf Vonk", "is_company": True, "phone": "030-1234567"}
        )

    def _import(self, dryrun):
        importer = (
            self.env["base_import.import"]
            .with_user(self.employee)
            .create(
                {
                    "res_model": "res.partner",
                    "file": CSV,
                    "file_name": "relaties.csv",
                    "file_type": "text/csv",
                }
            )
        )
        options = {"has_headers": True, "separator": ",", "quoting": '"'}
        return importer.execute_import(FIELDS, FIELDS, options, dryrun=dryrun)

    def test_testing_the_import_lists_look_alikes_and_saves_nothing(self):
        count = self.Partner.search_count([])
        result = self._import(dryrun=True)
        self.assertEqual(len(result["messages"]), 1, result["messages"])
        warning = result["messages"][0]
        self.assertEqual(warning["type"], "warning")
        self.assertIn("2 rows look like relations", warning["message"])
        self.assertIn(
            f"Row 3, Karin Nieuw: looks like Karin Dubbel (ID {self.karin.id}), "
            "same e-mail.",
            warning["message"],
        )
        self.assertIn(
            f"Autobedrijf Vonk (ID {self.garage.id}), same phone", warning["message"]
        )
        self.assertNotIn("Korenbloem", warning["message"])
        self.assertEqual(self.Partner.search_count([]), count)

    def test_rows_are_numbered_as_in_the_file_across_batches(self):
        """Odoo imports 2,000 rows per batch; the 2nd batch starts at row 2,002."""
        importer = (
            self.env["base_import.import"]
            .with_user(self.employee)
            .create(
                {
                    "res_model": "res.partner",
                    "file": CSV,
                    "file_name": "relaties.csv",
                    "file_type": "text/csv",
                }
            )
        )
        options = {"has_headers": True, "separator": ",", "quoting": '"', "skip": 1}
        result = importer.execute_import(FIELDS, FIELDS, options, dryrun=True)
        self.assertIn("Row 3, Karin Nieuw", result["messages"][0]["message"])

    def test_import_flags_look_alikes_with_a_link(self):
        result = self._import(dryrun=False)
        self.assertFalse(result["messages"])
        imported = self.Partner.browse(result["ids"])
        self.assertEqual(len(imported), 4)
        flagged = imported.filtered("gov_duplicate_review")
        self.assertEqual(flagged.mapped("name"), ["Karin Nieuw", "Garage Vonk"])
        note = flagged[0].message_ids[:1]
        self.assertIn(f"/odoo/res.partner/{self.karin.id}", note.body)
        self.assertIn("same e-mail", note.body)
        self.assertFalse(self.karin.gov_duplicate_review)

        flagged.with_user(self.employee).action_gov_duplicate_checked()
        self.assertFalse(flagged.filtered("gov_duplicate_review"))

    def test_plain_creation_is_not_flagged(self):
        partner = self.Partner.create(
            {"name": "Karin Twee", "email": "karin@example.nl"}
        )
        self.assertFalse(partner.gov_duplicate_review)
