from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import GovLoketCase


@tagged("post_install", "-at_install")
class TestRegisterCall(GovLoketCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.faq = cls.env["gov.loket.answer"].create(
            {
                "name": "When does a parking permit start?",
                "category_id": cls.subject_permit.id,
                "answer": "<p>On the first day of the <b>next</b> month.</p>",
                "keywords": "parkeren vergunning",
            }
        )
        cls.Register = cls.env["gov.loket.register"].with_user(cls.front_desk)

    def _register(self, lines, channel=None, duration=6):
        return self.Register.create(
            {
                "partner_id": self.citizen.id,
                "channel_id": (channel or self.channel_phone).id,
                "duration": duration,
                "line_ids": [(0, 0, vals) for vals in lines],
            }
        )

    def _tickets_of(self, action):
        if action.get("res_id"):
            return self.Ticket.browse(action["res_id"])
        # The domain is evaluated as the web client does, with the action's
        # context: the same records after a reload of the address.
        domain = safe_eval(
            action["domain"], {"active_id": action["context"]["active_id"]}
        )
        return self.Ticket.with_user(self.front_desk).search(domain)

    def test_result_has_an_address_that_shows_the_same_requests(self):
        wizard = self._register(
            [
                {"question": "Q1", "outcome": "callback"},
                {"question": "Q2", "outcome": "callback"},
            ]
        )
        action = wizard.action_register()
        tickets = self._tickets_of(action)
        self.assertEqual(len(tickets), 2)
        moment = tickets.call_moment_id
        # /odoo/<moment>/loket-call-requests: not the wizard's id, which a
        # reload took for a relation's id.
        self.assertEqual(action["path"], "loket-call-requests")
        self.assertEqual(action["target"], "main")
        self.assertEqual(action["context"]["active_id"], moment.id)
        self.assertNotEqual(action["context"]["active_id"], wizard.id)
        # The stored action (what a reload loads) finds the same requests.
        stored = self.env.ref("gov_loket.helpdesk_ticket_action_call_requests")
        domain = safe_eval(stored.domain, {"active_id": moment.id})
        self.assertEqual(self.Ticket.with_user(self.front_desk).search(domain), tickets)

    def test_one_call_many_questions(self):
        wizard = self._register(
            [
                {
                    "category_id": self.subject_permit.id,
                    "question": "When does my permit start?",
                    "outcome": "answered",
                    "answer_template_id": self.faq.id,
                    "answer": "On the first of next month.",
                },
                {
                    "category_id": self.subject_roads.id,
                    "question": "Pothole in the Kerkstraat",
                    "outcome": "handed_over",
                    "user_id": self.employee.id,
                    "note": "Please check the spot.",
                },
                {
                    "category_id": self.subject_permit.id,
                    "question": "Call me back about the visitor permit",
                    "outcome": "callback",
                },
                {
                    "question": "My passport expired",
                    "outcome": "referred",
                    "answer": "the municipality of residence",
                },
            ]
        )
        tickets = self._tickets_of(wizard.action_register()).sorted("id")
        self.assertEqual(len(tickets), 4)
        answered, handed, callback, referred = tickets
        moments = self.env["gov.contact.moment"].search(
            [("partner_id", "=", self.citizen.id)]
        )
        self.assertEqual(len(moments), 1, "one contact moment for the whole call")
        self.assertEqual(moments.channel, "phone")
        self.assertEqual(moments.direction, "inbound")
        self.assertEqual(
            (moments.res_model, moments.res_id), (tickets._name, answered.id)
        )
        self.assertIn("Pothole", moments.summary)
        self.assertEqual(set(tickets.mapped("call_moment_id")), {moments})
        self.assertEqual(set(tickets.mapped("contact_duration")), {6})
        self.assertEqual(
            tickets.mapped("contact_outcome"),
            ["answered", "handed_over", "callback", "referred"],
        )
        self.assertTrue(answered.closed)
        self.assertTrue(answered.first_time_right)
        self.assertEqual(answered.answer, "On the first of next month.")
        self.assertEqual(answered.answer_template_id, self.faq)
        self.assertEqual(self.faq.use_count, 1)
        self.assertFalse(handed.closed)
        self.assertFalse(handed.first_time_right)
        self.assertEqual(handed.user_id, self.employee)
        self.assertEqual(handed.handover_ids.note, "Please check the spot.")
        self.assertTrue(callback.is_callback)
        self.assertFalse(callback.closed)
        self.assertTrue(referred.closed)
        self.assertIn("municipality of residence", referred.answer)

    def test_counter_single_question_opens_request(self):
        wizard = self._register(
            [{"question": "Opening hours?", "outcome": "answered", "answer": "9-17"}],
            channel=self.channel_counter,
        )
        action = wizard.action_register()
        self.assertEqual(action["view_mode"], "form")
        ticket = self._tickets_of(action)
        self.assertEqual(ticket.channel_id, self.channel_counter)
        self.assertEqual(ticket.call_moment_id.channel, "counter")
        self.assertEqual(ticket.contact_moment_ids, ticket.call_moment_id)

    def test_answer_template_copied_by_onchange(self):
        with Form(self.Register) as form:
            form.partner_id = self.citizen
            with form.line_ids.new() as line:
                line.answer_template_id = self.faq
                self.assertEqual(line.category_id, self.subject_permit)
                self.assertEqual(line.question, self.faq.name)
                self.assertIn("next month", line.answer)
                self.assertNotIn("<b>", line.answer)
        wizard = form.save()
        ticket = self._tickets_of(wizard.action_register())
        self.assertEqual(ticket.answer_template_id, self.faq)
        self.assertTrue(ticket.closed)

    def test_incomplete_lines_refused(self):
        wizard = self._register([{"question": "Q", "outcome": "answered"}])
        with self.assertRaises(ValidationError):
            wizard.action_register()
        wizard = self._register([{"question": "Q", "outcome": "handed_over"}])
        with self.assertRaises(ValidationError):
            wizard.action_register()
        with self.assertRaises(UserError):
            self._register([]).action_register()
        email = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        wizard = self._register([{"question": "Q", "outcome": "callback"}], email)
        with self.assertRaises(UserError):
            wizard.action_register()
        self.assertFalse(self.citizen.contact_moment_ids)
        self.assertFalse(self.Ticket.search([("partner_id", "=", self.citizen.id)]))

    def test_only_front_desk_registers(self):
        with self.assertRaises(AccessError):
            self.env["gov.loket.register"].with_user(self.employee).create(
                {"partner_id": self.citizen.id}
            )
