from datetime import timedelta

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged
from odoo.tests.common import BaseCase

from .. import public_input
from ..models.gov_public_form_submission import (
    PARAM_LIMIT_PER_CLIENT,
    PARAM_LIMIT_PER_EMAIL,
)
from .common import GovAddressbookCase


@tagged("post_install", "-at_install")
class TestPublicInput(BaseCase):
    """The Odoo-free checks shared by the public forms."""

    def test_control_characters_refused(self):
        for bad in ("a\x00b", "\x07", "x\x1b[31m", "\x7f", "\x85", "Anna\u202eteloiv"):
            self.assertTrue(public_input.has_control_chars(bad), repr(bad))
            self.assertEqual(
                public_input.check_text(bad, 100), ("", public_input.CONTROL_CHARS)
            )
        for fine in ("Zoë d'Artagnan", "line\nnext\ttab\r\n", "👩‍👩‍👧 family"):
            self.assertFalse(public_input.has_control_chars(fine), repr(fine))
        self.assertEqual(public_input.strip_control_chars("a\x00b\u202e"), "ab")

    def test_lengths_and_cleaning(self):
        check = public_input.check_text
        self.assertEqual(check("  Piet \n Jansen ", 20), ("Piet Jansen", None))
        self.assertEqual(check("x" * 21, 20), ("", public_input.TOO_LONG))
        self.assertEqual(check("  ", 20, required=True), ("", public_input.REQUIRED))
        self.assertEqual(check(None, 20), ("", None))
        self.assertEqual(check(" one\r\ntwo ", 20, multiline=True), ("one\ntwo", None))
        values, errors = public_input.clean_form(
            {"name": "x" * 100_000, "email": "a@b.nl\x00"},
            {"name": (120, False, True), "email": (254, False, True)},
        )
        self.assertEqual(
            errors, {"name": public_input.TOO_LONG, "email": public_input.CONTROL_CHARS}
        )
        self.assertEqual(values, {"name": "", "email": ""})
        self.assertEqual(len(public_input.echo_value("y" * 100_000, 120)), 240)
        self.assertTrue(public_input.is_spam({"homepage": "http://spam"}))
        self.assertFalse(public_input.is_spam({"homepage": " "}))

    def test_client_key(self):
        key = public_input.client_key
        self.assertEqual(key("192.0.2.7"), "192.0.2.7")
        self.assertEqual(key("::ffff:192.0.2.7"), "192.0.2.7")
        # Every address of one IPv6 /64 (one household) is one client.
        self.assertEqual(key("2001:db8:1:2::1"), "2001:db8:1:2::/64")
        self.assertEqual(key("2001:db8:1:2:ffff::9"), "2001:db8:1:2::/64")
        self.assertNotEqual(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"))
        for bad in (None, "", "unknown", "192.0.2.7, 10.0.0.1", "1.2.3.4\x00"):
            self.assertIsNone(key(bad), repr(bad))

    def test_limit_value(self):
        self.assertEqual(public_input.limit_value("12", 5), 12)
        for bad in (None, "", "0", "-3", "many", False):
            self.assertEqual(public_input.limit_value(bad, 5), 5, repr(bad))


@tagged("post_install", "-at_install")
class TestPublicFormRateLimit(GovAddressbookCase):
    """The shared rate limit of the public forms, as staff see and set it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Submission = cls.env["gov.public.form.submission"]
        cls.admin_user = new_test_user(
            cls.env, "gov_settings_admin", groups="base.group_system"
        )

    def test_limits_per_email_and_per_client(self):
        Submission = self.Submission
        scope = "test.form"
        for n in range(4):
            Submission._gov_record(scope, "anna@example.org", "192.0.2.1")
            Submission._gov_record(scope, f"other{n}@example.org", "192.0.2.1")
        self.assertFalse(Submission._gov_rate_limited(scope, "anna@example.org", None))
        Submission._gov_record(scope, "anna@example.org", "198.51.100.1")
        self.assertEqual(
            Submission._gov_rate_limited(scope, "anna@example.org", "198.51.100.9"),
            "email",
        )
        # Eight posts of other citizens behind one library address: under the cap.
        self.assertFalse(
            Submission._gov_rate_limited(scope, "new@example.org", "192.0.2.1")
        )
        # Another form has its own count.
        self.assertFalse(
            Submission._gov_rate_limited("other.form", "anna@example.org", "192.0.2.1")
        )
        self.env["ir.config_parameter"].set_param(PARAM_LIMIT_PER_CLIENT, "8")
        self.assertEqual(
            Submission._gov_rate_limited(scope, "new@example.org", "192.0.2.1"),
            "client",
        )
        self.env["ir.config_parameter"].set_param(PARAM_LIMIT_PER_EMAIL, "6")
        self.assertFalse(
            Submission._gov_rate_limited(scope, "anna@example.org", "198.51.100.9")
        )
        # Posts older than an hour no longer count; older than a week go.
        old = Submission.search([("scope", "=", scope)])
        self.env.cr.execute(
            "UPDATE gov_public_form_submission SET create_date = %s WHERE id IN %s",
            (old[0].create_date - timedelta(days=8), tuple(old.ids)),
        )
        Submission.invalidate_model()
        self.assertFalse(
            Submission._gov_rate_limited(scope, "anna@example.org", "192.0.2.1")
        )
        Submission._gc_old_submissions()
        self.assertFalse(old.exists())

    def test_only_administrators_read_the_counter(self):
        record = self.Submission._gov_record(
            "test.form", "anna@example.org", "192.0.2.1"
        )
        for user in (self.reader, self.employee, self.bsn_officer):
            with self.assertRaises(AccessError):
                record.with_user(user).read(["email"])
            with self.assertRaises(AccessError):
                self.Submission.with_user(user).create(
                    {"scope": "test.form", "email": "x@example.org"}
                )
        self.assertEqual(record.with_user(self.admin_user).email, "anna@example.org")

    def test_settings(self):
        settings = Form(self.env["res.config.settings"].with_user(self.admin_user))
        self.assertEqual(settings.gov_public_form_limit_per_email, 5)
        self.assertEqual(settings.gov_public_form_limit_per_client, 30)
        settings.gov_public_form_limit_per_client = 100
        settings.save().execute()
        params = self.env["ir.config_parameter"]
        self.assertEqual(params.get_param(PARAM_LIMIT_PER_CLIENT), "100")
        self.assertEqual(self.Submission._gov_rate_limits(), (5, 100))
