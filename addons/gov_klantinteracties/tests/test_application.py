import hashlib
from datetime import timedelta
from unittest.mock import patch

import psycopg2
import psycopg2.errors
from freezegun import freeze_time

from odoo import fields
from odoo.addons.gov_addressbook.server_context import server_flags
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tests.common import TransactionCase
from odoo.tools import SQL


@tagged("post_install", "-at_install")
class TestApplication(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        cls.api_user = new_test_user(
            cls.env,
            "ki_api_kiss",
            groups="gov_addressbook.group_user,gov_addressbook.group_bsn_access",
        )
        cls.employee = new_test_user(
            cls.env,
            "ki_employee",
            groups="base.group_user,gov_addressbook.group_user",
        )
        cls.privacy_officer = new_test_user(
            cls.env,
            "ki_privacy_officer",
            groups="gov_addressbook.group_privacy_officer",
        )
        cls.Application = cls.env["gov.ki.application"].with_user(cls.admin)
        cls.application = cls.Application.create(
            {"name": "KISS", "user_id": cls.api_user.id}
        )
        # The controller authenticates before it knows a user.
        cls.Anonymous = cls.env["gov.ki.application"].with_user(
            cls.env.ref("base.public_user")
        )

    def _new_key(self, application=None):
        action = (application or self.application).action_new_token()
        return action["context"]["default_api_key"], action

    def _row_text(self, table, record_id):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT row_to_json(t)::text FROM %s t WHERE id = %s",
                SQL.identifier(table),
                record_id,
            )
        )
        return self.env.cr.fetchone()[0]

    def test_key_shown_once_and_only_its_digest_stored(self):
        key, action = self._new_key()
        self.assertRegex(key, r"^[0-9a-f]{40}$")
        self.assertEqual(action["res_model"], "gov.ki.application.token")
        self.assertEqual(action["target"], "new")
        self.assertEqual(
            self.application.token_hash, hashlib.sha256(key.encode()).hexdigest()
        )
        self.assertEqual(self.application.token_hint, key[:6])
        self.assertTrue(self.application.token_created_at)
        self.assertNotIn(key, self._row_text("gov_ki_application", self.application.id))

        # The wizard shows the key, but does not store it either.
        wizard_form = Form(
            self.env["gov.ki.application.token"]
            .with_user(self.admin)
            .with_context(**action["context"])
        )
        self.assertEqual(wizard_form.api_key, key)
        self.assertEqual(wizard_form.application_id, self.application)
        wizard = wizard_form.save()
        self.assertNotIn(key, self._row_text("gov_ki_application_token", wizard.id))
        self.assertFalse(wizard._fields["api_key"].store)

    def test_authenticate(self):
        key, _action = self._new_key()
        found = self.Anonymous._gov_authenticate(key)
        self.assertEqual(found, self.application)
        self.assertTrue(found.env.su)
        self.assertEqual(found.user_id, self.api_user)

    def test_wrong_key(self):
        key, _action = self._new_key()
        for wrong in ("0" * 40, key[:-1], key.upper(), key + " ", "", None, 42):
            with self.subTest(key=wrong):
                self.assertFalse(self.Anonymous._gov_authenticate(wrong))

    def test_revoked_key(self):
        key, _action = self._new_key()
        self.application.action_revoke_token()
        self.assertFalse(self.application.token_hint)
        self.assertFalse(self.application.sudo().token_hash)
        self.assertFalse(self.Anonymous._gov_authenticate(key))

    def test_new_key_revokes_old(self):
        old_key, _action = self._new_key()
        new_key, _action = self._new_key()
        self.assertNotEqual(old_key, new_key)
        self.assertFalse(self.Anonymous._gov_authenticate(old_key))
        self.assertEqual(self.Anonymous._gov_authenticate(new_key), self.application)

    def test_keys_of_applications_differ(self):
        other = self.Application.create({"name": "ZAC", "user_id": self.api_user.id})
        key, _action = self._new_key()
        other_key, _action = self._new_key(other)
        self.assertEqual(self.Anonymous._gov_authenticate(key), self.application)
        self.assertEqual(self.Anonymous._gov_authenticate(other_key), other)

    def test_archived_application(self):
        key, _action = self._new_key()
        self.application.active = False
        self.assertFalse(self.Anonymous._gov_authenticate(key))
        Any = self.Anonymous.with_context(active_test=False)
        self.assertFalse(Any._gov_authenticate(key))
        self.application.active = True
        self.assertEqual(self.Anonymous._gov_authenticate(key), self.application)

    def test_archived_user(self):
        key, _action = self._new_key()
        self.api_user.active = False
        self.assertFalse(self.Anonymous._gov_authenticate(key))

    def test_only_administrators(self):
        Application = self.env["gov.ki.application"].with_user(self.employee)
        with self.assertRaises(AccessError):
            Application.search([])
        with self.assertRaises(AccessError):
            Application.browse(self.application.id).read(["name"])
        with self.assertRaises(AccessError):
            Application.create({"name": "X", "user_id": self.employee.id})
        with self.assertRaises(AccessError):
            self.application.with_user(self.employee).action_new_token()
        with self.assertRaises(AccessError):
            self.env["gov.ki.application.token"].with_user(self.employee).create({})

    def test_user_must_be_internal_and_active(self):
        portal = new_test_user(self.env, "ki_portal", groups="base.group_portal")
        with self.assertRaises(ValidationError):
            self.Application.create({"name": "Portal", "user_id": portal.id})
        archived = new_test_user(self.env, "ki_archived", groups="base.group_user")
        archived.active = False
        with self.assertRaises(ValidationError):
            self.Application.create({"name": "Archived", "user_id": archived.id})

    def test_last_used_at(self):
        key, _action = self._new_key()
        self.assertFalse(self.application.last_used_at)
        start = fields.Datetime.now().replace(microsecond=0)
        with freeze_time(start):
            self.Anonymous._gov_authenticate(key)
        self.assertEqual(self.application.last_used_at, start)
        # Within ten minutes: no new write.
        with freeze_time(start + timedelta(minutes=9)):
            self.Anonymous._gov_authenticate(key)
        self.assertEqual(self.application.last_used_at, start)
        with freeze_time(start + timedelta(minutes=11)):
            self.Anonymous._gov_authenticate(key)
        self.assertEqual(self.application.last_used_at, start + timedelta(minutes=11))

    def test_last_used_at_never_fails_the_call(self):
        """A concurrent call that holds the row (the lock is not available)
        does not make this call fail: the use is simply not recorded."""
        key, _action = self._new_key()
        cr = self.env.cr
        execute = cr.execute

        def locked_execute(query, params=None, log_exceptions=True):
            if "NOWAIT" in str(getattr(query, "code", query)):
                raise psycopg2.errors.LockNotAvailable("could not obtain lock")
            return execute(query, params, log_exceptions)

        with patch.object(cr, "execute", locked_execute):
            found = self.Anonymous._gov_authenticate(key)
        self.assertEqual(found, self.application)
        self.assertFalse(self.application.last_used_at)
        # The transaction goes on.
        self.assertEqual(self.application.name, "KISS")
        self.assertEqual(self.Anonymous._gov_authenticate(key), self.application)
        self.assertTrue(self.application.last_used_at)

    def test_processing_log(self):
        partner = self.env["res.partner"].create({"name": "Burger", "bsn": "164808942"})
        Log = self.env["gov.processing.log"]
        with server_flags(
            gov_processing_origin="klantinteracties_api",
            gov_ki_application=self.application.id,
        ):
            partner.with_user(self.api_user).read(["bsn"])
        line = Log.search([("partner_id", "=", partner.id)])
        self.assertEqual(len(line), 1)
        self.assertEqual(line.origin, "klantinteracties_api")
        self.assertEqual(line.ki_application_id, self.application)
        self.assertEqual(line.user_id, self.api_user)
        self.assertEqual(line.activity, "read_bsn")

        # Outside the API: no application.
        partner.with_user(self.api_user).read(["bsn"])
        other = Log.search([("partner_id", "=", partner.id)]) - line
        self.assertEqual(len(other), 1)
        self.assertFalse(other.ki_application_id)
        self.assertEqual(other.origin, "rpc")

        # The privacy officer sees the application's name in the log, without
        # access to the applications themselves.
        rows = (
            Log.with_user(self.privacy_officer)
            .browse(line.id)
            .web_read({"ki_application_id": {"fields": {"display_name": {}}}})
        )
        self.assertEqual(rows[0]["ki_application_id"]["display_name"], "KISS")
