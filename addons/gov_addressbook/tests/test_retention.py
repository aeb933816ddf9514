from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .retention_common import GovRetentionCase, day, moment_at


@tagged("post_install", "-at_install")
class TestRetentionTerms(GovRetentionCase):
    def test_term_ends_the_day_after_the_date_plus_term(self):
        self._rule("contact_moment", "occurred_at", term=1, unit="years")
        moment = self._moments(self.anna, moment_at(2025, 1, 10))
        self._run(day(2026, 1, 10))
        self.assertTrue(moment.exists(), "still within its year on the anniversary")
        self._run(day(2026, 1, 11))
        self.assertFalse(moment.exists(), "deleted the day after its year ended")

    def test_term_in_months(self):
        self._rule("contact_moment", "occurred_at", term=6, unit="months")
        old = self._moments(self.anna, moment_at(2025, 6, 1))
        recent = self._moments(self.anna, moment_at(2025, 8, 1))
        self._run(day(2026, 1, 15))
        self.assertFalse(old.exists())
        self.assertTrue(recent.exists())

    def test_anonymise_keeps_the_moment_for_the_statistics(self):
        self._rule("contact_moment", "occurred_at", action="anonymise")
        moment = self._moments(self.anna, moment_at(2024, 3, 1), channel="counter")
        moment.message_post(body="Anna Visser called back")
        self._run(day(2026, 1, 1))
        self.assertTrue(moment.exists())
        self.assertEqual(
            moment.partner_id, self.env.ref("gov_addressbook.partner_anonymised")
        )
        self.assertEqual((moment.channel, moment.summary), ("counter", False))
        self.assertNotIn("Anna", moment.subject)
        self.assertFalse(moment.message_ids, "the chatter of the moment is gone too")
        self.assertEqual(self.anna.contact_moment_count, 0)

    def test_a_longer_matching_rule_keeps_the_record(self):
        self._rule("contact_moment", "occurred_at", term=1)
        self._rule("contact_moment", "occurred_at", term=5, channel="letter")
        phone = self._moments(self.anna, moment_at(2023, 1, 1))
        letter = self._moments(self.anna, moment_at(2023, 1, 1), channel="letter")
        self._run(day(2026, 1, 1))
        self.assertFalse(phone.exists())
        self.assertTrue(letter.exists(), "the five-year rule for letters wins")

    def test_anonymise_first_delete_later(self):
        self._rule("contact_moment", "occurred_at", term=1, action="anonymise")
        self._rule("contact_moment", "occurred_at", term=5, action="delete")
        moment = self._moments(self.anna, moment_at(2023, 1, 1))
        self._run(day(2026, 1, 1))
        self.assertEqual(
            moment.partner_id, self.env.ref("gov_addressbook.partner_anonymised")
        )
        self._run(day(2028, 1, 2))
        self.assertFalse(moment.exists())

    def test_confidentiality_narrows_a_rule(self):
        self._rule("contact_moment", "occurred_at", confidentiality="vertrouwelijk")
        secret = self._moments(
            self.anna, moment_at(2024, 1, 1), confidentiality="vertrouwelijk"
        )
        internal = self._moments(self.anna, moment_at(2024, 1, 1))
        self._run(day(2026, 1, 1))
        self.assertFalse(secret.exists())
        self.assertTrue(internal.exists())

    def test_processing_log_lines_end_at_their_term_only(self):
        self._rule("processing_log", "occurred_at", term=5)
        Log = self.env["gov.processing.log"]
        line = Log._log_processing(self.anna, "read_bsn", ["bsn"], "form")
        self._run(day(2026, 1, 1))
        self.assertTrue(line.exists(), "a line of today is kept")
        with self.assertRaises(UserError):
            line.unlink()
        self._run(line.occurred_at.date().replace(year=line.occurred_at.year + 6))
        self.assertFalse(line.exists())

    def test_public_form_posts(self):
        self._rule("public_form_submission", "create_date", term=1, unit="months")
        post = self.env["gov.public.form.submission"]._gov_record(
            "newsletter", "anna@example.nl", "10.0.0.1"
        )
        posted = post.create_date.date()
        self._run(posted + timedelta(days=20))
        self.assertTrue(post.exists())
        self._run(posted + timedelta(days=40))
        self.assertFalse(post.exists())


@tagged("post_install", "-at_install")
class TestRetentionSafety(GovRetentionCase):
    def _hold(self, partner, user, reason):
        wizard = self.env["gov.legal.hold.set"].with_user(user)
        wizard.create({"partner_ids": partner.ids, "reason": reason}).action_apply()

    def test_legal_hold_keeps_everything_about_the_relation(self):
        self._rule("contact_moment", "occurred_at")
        held = self._moments(self.anna, moment_at(2020, 1, 1), count=3)
        free = self._moments(self.kees, moment_at(2020, 1, 1))
        self._hold(self.anna, self.privacy_officer, "Beroep bij de rechtbank")
        hold = self.anna.sudo()
        self.assertEqual(hold.gov_legal_hold_user_id, self.privacy_officer)
        self.assertEqual(hold.gov_legal_hold_reason, "Beroep bij de rechtbank")
        self.assertTrue(hold.gov_legal_hold_date)
        self._run(day(2026, 1, 1))
        self.assertEqual(len(held.exists()), 3)
        self.assertFalse(free.exists())
        # Lifted: the next run destroys what ended its term meanwhile.
        self.anna.with_user(self.functional_admin).action_gov_lift_legal_hold()
        self.assertFalse(hold.gov_legal_hold_reason)
        self._run(day(2026, 1, 1))
        self.assertFalse(held.exists())

    def test_legal_hold_needs_a_reason_and_the_right_group(self):
        with self.assertRaises(ValidationError):
            self.anna.with_user(self.privacy_officer)._gov_set_legal_hold(" ")
        for user in (self.employee, self.reader):
            with self.assertRaises(AccessError):
                self._hold(self.anna, user, "Woo-verzoek")
            with self.assertRaises(AccessError):
                self.anna.with_user(user)._gov_set_legal_hold("Woo-verzoek")
            with self.assertRaises(AccessError):
                self.anna.with_user(user).write(
                    {"gov_legal_hold": True, "gov_legal_hold_reason": "Woo-verzoek"}
                )
        self.assertFalse(self.anna.sudo().gov_legal_hold)

    def test_stopped_run_resumes_and_a_second_run_does_nothing(self):
        self._rule("contact_moment", "occurred_at")
        moments = self._moments(self.anna, moment_at(2020, 5, 1), count=5)
        batches = self._run(day(2026, 1, 1), batch_size=2, stop_after=1)
        self.assertEqual(batches, 1)
        self.assertEqual(len(moments.exists()), 3, "one batch of two, then stopped")
        self.assertEqual(self.Report.search([]).mapped("record_count"), [2])
        self._run(day(2026, 1, 1), batch_size=2)
        self.assertFalse(moments.exists())
        self.assertEqual(sum(self.Report.search([]).mapped("record_count")), 5)
        lines = self.Report.search_count([])
        self.assertEqual(self._run(day(2026, 1, 1), batch_size=2), 0)
        self.assertEqual(self.Report.search_count([]), lines, "nothing left, no lines")

    def test_anonymise_twice_anonymises_once(self):
        self._rule("contact_moment", "occurred_at", action="anonymise")
        self._moments(self.anna, moment_at(2020, 5, 1), count=2)
        self._run(day(2026, 1, 1))
        self._run(day(2026, 1, 1))
        self.assertEqual(self.Report.search([]).mapped("record_count"), [2])

    def test_report_says_what_without_whom(self):
        rule = self._rule("contact_moment", "occurred_at")
        self._moments(self.anna, moment_at(2020, 5, 1))
        self._moments(self.kees, moment_at(2021, 7, 1))
        self._run(day(2026, 1, 1))
        line = self.Report.with_user(self.privacy_officer).search([])
        self.assertEqual(len(line), 1)
        self.assertEqual((line.rule_id, line.record_count), (rule, 2))
        self.assertEqual(line.date_from, moment_at(2020, 5, 1))
        self.assertEqual(line.date_to, moment_at(2021, 7, 1))
        self.assertEqual(line.action, "delete")
        values = " ".join(str(v) for v in line.read()[0].values())
        for name in ("Anna", "Kees", "Visser", "Bakker"):
            self.assertNotIn(name, values)

    def test_report_is_append_only(self):
        self._rule("contact_moment", "occurred_at")
        self._moments(self.anna, moment_at(2020, 5, 1))
        self._run(day(2026, 1, 1))
        line = self.Report.search([])
        admin = self.env.ref("base.user_admin")
        for user in (self.privacy_officer, self.functional_admin, admin):
            with self.assertRaises(UserError):
                line.with_user(user).write({"record_count": 0})
            with self.assertRaises(UserError):
                line.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.Report.with_user(user).create({"record_count": 1})
        self.assertEqual(line.record_count, 1)

    def test_dry_run_shows_the_next_run_and_changes_nothing(self):
        self._rule("contact_moment", "occurred_at")
        moments = self._moments(self.anna, moment_at(2020, 5, 1), count=3)
        self._moments(self.kees, moment_at(2025, 12, 1))
        Preview = self.env["gov.retention.preview"].with_user(self.privacy_officer)
        preview = Preview.create({})
        preview._gov_compute_lines(day(2026, 1, 1))
        self.assertEqual(preview.total, 3)
        self.assertEqual(preview.line_ids.date_from, moment_at(2020, 5, 1))
        self.assertEqual(len(moments.exists()), 3)
        self.assertFalse(self.Report.search([]))
        action = Preview.action_open()
        self.assertEqual(action["res_model"], "gov.retention.preview")


@tagged("post_install", "-at_install")
class TestRetentionAccess(GovRetentionCase):
    def test_privacy_officer_and_functional_admin_maintain_rules(self):
        for user in (self.privacy_officer, self.functional_admin):
            rule = self._rule("contact_moment", "occurred_at").with_user(user)
            rule.term_value = 2
            self.assertTrue(rule.with_user(user).search([("id", "=", rule.id)]))
            rule.action_run_now()

    def test_front_desk_cannot_see_or_run_retention(self):
        rule = self._rule("contact_moment", "occurred_at")
        for user in (self.employee, self.reader):
            with self.assertRaises(AccessError):
                self.Rule.with_user(user).search([])
            with self.assertRaises(AccessError):
                rule.with_user(user).write({"term_value": 99})
            with self.assertRaises(AccessError):
                self.Rule.with_user(user).action_run_now()
            with self.assertRaises(AccessError):
                self.env["gov.retention.preview"].with_user(user).action_open()
            with self.assertRaises(AccessError):
                self.Report.with_user(user).search([])
            menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for xmlid in (
                "gov_retention_menu",
                "gov_retention_menu_config",
                "gov_retention_report_menu",
            ):
                self.assertNotIn(self.env.ref(f"gov_addressbook.{xmlid}").id, menus)
        menus = (
            self.env["ir.ui.menu"].with_user(self.privacy_officer)._visible_menu_ids()
        )
        self.assertIn(
            self.env.ref("gov_addressbook.gov_retention_report_menu").id, menus
        )

    def test_bad_rules_are_refused(self):
        Rule = self.Rule.with_user(self.privacy_officer)
        wrong_date = self.env["ir.model.fields"]._get("res.partner", "create_date")
        with self.assertRaises(ValidationError):
            Rule.create(
                {
                    "name": "Wrong date",
                    "kind": "contact_moment",
                    "date_field_id": wrong_date.id,
                }
            )
        with self.assertRaises(ValidationError):
            self._rule("processing_log", "occurred_at", action="anonymise")
        with self.assertRaises(ValidationError):
            self._rule("processing_log", "occurred_at", channel="phone")
        with self.assertRaises(ValidationError):
            self._rule("contact_moment", "occurred_at", term=0)

    def test_default_rules_state_their_source(self):
        defaults = self.Rule.with_context(active_test=False).search(
            [
                (
                    "id",
                    "in",
                    [
                        self.env.ref(x).id
                        for x in (
                            "gov_addressbook.gov_retention_rule_contact_moment",
                            "gov_addressbook.gov_retention_rule_contact_moment_confidential",
                            "gov_addressbook.gov_retention_rule_public_form_submission",
                            "gov_addressbook.gov_retention_rule_processing_log",
                        )
                    ],
                )
            ]
        )
        self.assertEqual(len(defaults), 4)
        for rule in defaults:
            self.assertIn("AVG", rule.source)
