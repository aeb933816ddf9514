import base64
import io

import openpyxl

from odoo.tests import new_test_user, tagged

from .common import GovAddressbookCase

HEADERS = ["Relatienummer", "Soort", "Naam", "Postcode", "Plaats", "KvK-nummer"]


def workbook_bytes(rows, headers=tuple(HEADERS)):
    """An Excel workbook as people save it: numbers as numbers."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@tagged("post_install", "-at_install")
class TestPartnerImportFormats(GovAddressbookCase):
    """Relaties importeren reads what old systems and Excel write: XLSX, CSV in
    Windows-1252 with "," or ";", with or without BOM."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, "gov_import_formats", groups="gov_addressbook.group_manager"
        )

    def _import(self, data, file_name):
        wizard = (
            self.env["gov.partner.import"]
            .with_user(self.manager)
            .create({"file": base64.b64encode(data), "file_name": file_name})
        )
        wizard.action_import()
        return wizard

    def test_an_excel_workbook_is_imported_and_its_rows_to_fix_are_a_workbook(self):
        data = workbook_bytes(
            [
                [101, "Bedrijf", "Tegelhandel Één BV", "3511ab", "Utrecht", 12345670],
                [102, "Bedrijf", "Fout Postcode BV", "351 AB", "Utrecht", None],
                [None, None, None, None, None, None],
                [103, "Stichting", "Natuur Oost", None, "Zwolle", None],
            ]
        )
        wizard = self._import(data, "relaties.xlsx")
        self.assertEqual(wizard.state, "done")
        self.assertEqual((wizard.row_count, wizard.error_count), (3, 1))
        # Row numbers as Excel shows them, the empty row 4 included.
        self.assertEqual(
            wizard.problems.splitlines()[0][:29], "Row 3: postcode “351 AB” in c"
        )
        company = self.Partner.search([("name", "=", "Tegelhandel Één BV")])
        # A number cell is text as Excel shows it: no "12345670.0".
        self.assertEqual(company.kvk_number, "12345670")
        self.assertEqual(company.zip, "3511 AB")
        self.assertTrue(self.Partner.search([("name", "=", "Natuur Oost")]))
        self.assertEqual(wizard.error_file_name, "relaties - to fix.xlsx")
        back = openpyxl.load_workbook(
            io.BytesIO(base64.b64decode(wizard.error_file)), read_only=True
        )
        rows = list(back.worksheets[0].iter_rows(values_only=True))
        self.assertEqual(list(rows[0]), [*HEADERS, "Problem"])
        self.assertEqual(
            list(rows[1][:4]), ["102", "Bedrijf", "Fout Postcode BV", "351 AB"]
        )
        self.assertEqual(len(rows), 2)
        # The same workbook again: nothing new.
        again = self._import(data, "relaties.xlsx")
        self.assertEqual(again.create_count, 0)

    def test_a_windows_csv_with_commas_is_read(self):
        text = "Naam,Plaats\r\nStichting Café Zoë,Zoetermeer\r\n"
        wizard = self._import(text.encode("cp1252"), "relaties.csv")
        self.assertEqual(wizard.state, "done")
        self.assertEqual(
            self.Partner.search([("name", "=", "Stichting Café Zoë")]).city,
            "Zoetermeer",
        )

    def test_a_file_that_is_no_workbook_says_what_to_do(self):
        wizard = self._import(b"PK\x03\x04 not really a zip", "relaties.xlsx")
        self.assertEqual(wizard.state, "tested")
        self.assertIn("cannot be read as an Excel workbook", wizard.problems)
