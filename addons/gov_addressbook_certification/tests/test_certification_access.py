from odoo.tests import new_test_user, tagged
from odoo.tests.common import TransactionCase

from ..models.res_config_settings import CERTIFICATION_PARAMETER


@tagged("post_install", "-at_install")
class TestCertificationAccess(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Relation data certification",
                "scoring_type": "scoring_with_answers",
                "certification": True,
                "scoring_success_min": 100,
            }
        )
        cls.question = cls.env["survey.question"].create(
            {
                "survey_id": cls.survey.id,
                "title": "When may you look up a BSN?",
                "question_type": "simple_choice",
                "suggested_answer_ids": [
                    (
                        0,
                        0,
                        {
                            "value": "When my task requires it",
                            "is_correct": True,
                            "answer_score": 10,
                        },
                    ),
                    (0, 0, {"value": "Always", "is_correct": False}),
                ],
            }
        )
        cls.right, cls.wrong = cls.question.suggested_answer_ids
        cls.env["ir.config_parameter"].sudo().set_param(
            CERTIFICATION_PARAMETER, cls.survey.id
        )
        cls.reader = cls.env.ref("gov_addressbook.group_reader")

    def _take(self, user, answer):
        user_input = self.env["survey.user_input"].create(
            {"survey_id": self.survey.id, "partner_id": user.partner_id.id}
        )
        user_input._save_lines(self.question, answer.id)
        # The survey controller finishes an attempt with sudo, as done here.
        user_input._mark_done()
        return user_input

    def test_passing_grants_reader_access(self):
        employee = new_test_user(self.env, "cert_pass", groups="base.group_user")
        self.assertNotIn(self.reader, employee.all_group_ids)
        attempt = self._take(employee, self.right)
        self.assertTrue(attempt.scoring_success)
        self.assertIn(self.reader, employee.all_group_ids)
        # Now the address book is open to them.
        self.env["res.partner"].with_user(employee).check_access("read")
        self.env["gov.contact.moment"].with_user(employee).check_access("read")

    def test_failing_grants_nothing(self):
        employee = new_test_user(self.env, "cert_fail", groups="base.group_user")
        attempt = self._take(employee, self.wrong)
        self.assertFalse(attempt.scoring_success)
        self.assertNotIn(self.reader, employee.all_group_ids)

    def test_other_survey_or_portal_user_grants_nothing(self):
        portal = new_test_user(self.env, "cert_portal", groups="base.group_portal")
        self._take(portal, self.right)
        self.assertNotIn(self.reader, portal.all_group_ids)
        self.env["ir.config_parameter"].sudo().set_param(CERTIFICATION_PARAMETER, 0)
        employee = new_test_user(self.env, "cert_other", groups="base.group_user")
        self._take(employee, self.right)
        self.assertNotIn(self.reader, employee.all_group_ids)
