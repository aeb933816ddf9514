import datetime
import io
import json
import zipfile

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ..privacy_export import build_access_request, build_summary_html
from .privacy_common import BSN_ANNA, GovPrivacyCase


@tagged("post_install", "-at_install")
class TestPrivacyTools(GovPrivacyCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.anna.write(
            {
                "email": "anna@example.nl",
                "phone": "+31 6 12345678",
                "street": "Dorpsstraat 1",
                "zip": "1234 AB",
                "city": "Utrecht",
                "comment": "<p>Prefers mornings</p>",
                "country_id": cls.env.ref("base.nl").id,
            }
        )
        cls.moments = cls.Moment.create(
            [
                {
                    "partner_id": cls.anna.id,
                    "subject": "Parking permit",
                    "summary": "x",
                },
                {
                    "partner_id": cls.anna.id,
                    "subject": "Debt counselling",
                    "summary": "Personal situation",
                    "confidentiality": "vertrouwelijk",
                },
            ]
        )
        cls.anna.message_post(body="Called about her permit")
        cls.bank = cls.env["res.partner.bank"].create(
            {"partner_id": cls.anna.id, "acc_number": "NL91ABNA0417164300"}
        )
        cls.letter = cls.env["ir.attachment"].create(
            {
                "name": "letter.txt",
                "raw": b"Dear Anna",
                "res_model": "res.partner",
                "res_id": cls.anna.id,
            }
        )

    def _wizard(self, model, user, **vals):
        Wizard = self.env[model].with_user(user)
        Wizard = Wizard.with_context(active_model="res.partner", active_id=self.anna.id)
        return Wizard.create(vals)

    def test_access_request_exports_everything_and_logs(self):
        wizard = self._wizard("gov.partner.export", self.privacy_officer)
        action = wizard.action_export()
        self.assertIn(f"/web/content/{wizard.attachment_id.id}", action["url"])
        self.assertEqual(wizard.partner_id, self.anna)
        with zipfile.ZipFile(io.BytesIO(wizard.attachment_id.sudo().raw)) as archive:
            document = json.loads(archive.read("inzageverzoek.json"))
            self.assertIn("bijlagen/", " ".join(archive.namelist()))
        places = {place["key"]: place for place in document["places"]}
        relation = places["gov_addressbook.relation"]["records"][0]
        self.assertEqual(relation["bsn"], BSN_ANNA)
        self.assertEqual(relation["email"], "anna@example.nl")
        self.assertEqual(
            {m["subject"] for m in places["gov_addressbook.contact_moment"]["records"]},
            {"Parking permit", "Debt counselling"},
        )
        self.assertTrue(places["mail.message"]["records"])
        self.assertEqual(places["gov_addressbook.processing_log"]["erase"], "keep")
        line = self._log_lines(activity="access_request")
        self.assertEqual(line.partner_id, self.anna)
        self.assertEqual(line.purpose, "privacy_request")
        self.assertEqual(line.user_id, self.privacy_officer)
        self.assertIn("bsn", line.fields_accessed)
        # The file holds a BSN: other users cannot open it.
        with self.assertRaises(AccessError):
            wizard.attachment_id.with_user(self.bsn_clerk).read(["raw"])

    def test_only_privacy_officer_uses_the_tools(self):
        for model in ("gov.partner.export", "gov.partner.anonymise"):
            with self.assertRaises(AccessError):
                self._wizard(model, self.bsn_clerk)

    def test_export_document_is_plain_json(self):
        places = [
            {
                "key": "x.relation",
                "label": "Relatie",
                "erase": "custom",
                "fields": {"name": "Naam", "email": "E-mail"},
                "records": [{"name": "A", "email": False}],
            },
            {
                "key": "x.moment",
                "label": "Contactmomenten",
                "erase": "keep",
                "legal_ground": "Archiefwet",
                "records": [{"occurred_at": datetime.datetime(2026, 1, 2, 3, 4, 5, 6)}],
            },
        ]
        content = build_access_request(places, datetime.datetime(2026, 2, 1), "Officer")
        document = json.loads(content)
        self.assertIsNone(document["places"][0]["records"][0]["email"])
        self.assertEqual(
            document["places"][1]["records"][0]["occurred_at"], "2026-01-02T03:04:05"
        )
        summary = build_summary_html(content).decode()
        self.assertIn("<th>Naam</th>", summary)
        self.assertIn("Grondslag: Archiefwet", summary)

    def test_anonymise_requires_typed_name(self):
        wizard = self._wizard(
            "gov.partner.anonymise", self.privacy_officer, confirm_name="Anna"
        )
        with self.assertRaisesRegex(UserError, "does not match"):
            wizard.action_anonymise()
        self.assertEqual(self.anna.name, "Anna Visser")
        self.assertFalse(self.anna.gov_anonymised_at)
        self.assertFalse(self._log_lines(activity="anonymise"))

    def test_anonymise_erases_personal_data_and_keeps_statistics(self):
        wizard = self._wizard(
            "gov.partner.anonymise", self.privacy_officer, confirm_name="Anna Visser "
        )
        wizard.action_anonymise()
        anna = self.anna
        self.assertEqual(anna.name, f"Anonymised relation #{anna.id}")
        for name in ("email", "phone", "street", "zip", "city", "bsn", "comment"):
            self.assertFalse(anna[name], name)
        self.assertFalse(anna.image_1920)
        self.assertTrue(anna.gov_anonymised_at)
        self.assertTrue(anna.gov_do_not_contact)
        self.assertEqual(anna.gov_party_type, "citizen")
        self.assertEqual(anna.country_id, self.env.ref("base.nl"))
        self.assertEqual(anna.contact_moment_ids, self.moments)
        self.assertEqual(set(self.moments.mapped("subject")), {"Anonymised"})
        self.assertFalse(any(self.moments.mapped("summary")))
        messages = self.env["mail.message"].search(
            [("model", "=", "res.partner"), ("res_id", "=", anna.id)]
        )
        self.assertFalse(messages)
        self.assertFalse(self.bank.active)
        self.assertNotIn("0417164300", self.bank.acc_number)
        self.assertFalse(self.letter.exists())
        line = self._log_lines(activity="anonymise")
        self.assertEqual(line.partner_id, anna)
        self.assertEqual(line.user_id, self.privacy_officer)

    def test_anonymised_relation_stays_anonymous(self):
        self.anna.sudo()._gov_anonymise()
        with self.assertRaisesRegex(ValidationError, "anonymised"):
            self.anna.write({"email": "back@example.nl"})
        with self.assertRaises(ValidationError):
            self.anna.write({"bsn": BSN_ANNA})
        with self.assertRaises(ValidationError):
            self.anna.write({"gov_anonymised_at": False})
        self.anna.write({"gov_party_type": "other"})  # statistics stay editable
        wizard = self._wizard(
            "gov.partner.anonymise",
            self.privacy_officer,
            confirm_name=self.anna.name,
        )
        with self.assertRaisesRegex(UserError, "already anonymised"):
            wizard.action_anonymise()
