from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestAnswerTemplate(GovLoketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, "loket_manager", groups="gov_loket.group_manager"
        )
        cls.Answer = cls.env["gov.loket.answer"]
        cls.faq = cls.Answer.with_user(cls.manager).create(
            {
                "name": "How long is a parking permit valid?",
                "category_id": cls.subject_permit.id,
                "answer": "<p>One year.</p>",
                "keywords": "parkeren geldigheid",
            }
        )

    def test_found_by_keyword_and_question(self):
        Answer = self.Answer.with_user(self.front_desk)
        self.assertIn(self.faq.id, [r[0] for r in Answer.name_search("parkeren")])
        self.assertIn(self.faq.id, [r[0] for r in Answer.name_search("valid")])
        self.assertNotIn(self.faq.id, [r[0] for r in Answer.name_search("pothole")])

    def test_archived_not_offered(self):
        self.faq.with_user(self.manager).active = False
        Answer = self.Answer.with_user(self.front_desk)
        self.assertFalse(Answer.name_search("parkeren"))

    def test_front_desk_reads_manager_writes(self):
        as_desk = self.faq.with_user(self.front_desk)
        self.assertEqual(as_desk.name, self.faq.name)
        with self.assertRaises(AccessError):
            as_desk.write({"answer": "<p>Two years.</p>"})
        with self.assertRaises(AccessError):
            self.Answer.with_user(self.front_desk).create(
                {"name": "Q", "answer": "<p>A</p>"}
            )
        with self.assertRaises(AccessError):
            self.faq.with_user(self.outsider).read(["name"])
        self.assertEqual(self.faq._gov_answer_text(), "One year.")
