from odoo import SUPERUSER_ID
from odoo.tests import tagged

from .common import GovNetworkCase


@tagged("post_install", "-at_install")
class TestKnowsFromContactMoments(GovNetworkCase):
    """Contact moments keep "colleague knows contact" up to date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.town = cls.organisation("Gemeente Belstad")
        # a person of an organisation: contacts with citizens make no "knows"
        # (see test_knows_scope)
        cls.piet = cls.person("Piet Contact")
        cls.piet.parent_id = cls.town

    def register(self, partner, days, user=None, **values):
        """Register one moment per date in ``days`` as ``user``."""
        Moment = self.Moment.with_user(user or self.employee)
        moments = Moment.create(
            [
                {
                    "partner_id": partner.id,
                    "subject": f"Call {index}",
                    "occurred_at": self.noon(day),
                    **values,
                }
                for index, day in enumerate(days)
            ]
        )
        self.process_queue()
        return moments

    def process_queue(self):
        """What the cron does a moment after the save."""
        self.env["gov.network.knows.queue"]._cron_process()

    def knows(self, colleague, partner):
        me = colleague.partner_id.id
        return self.Relation.search(
            [
                ("type_id", "=", self.type_knows.id),
                "|",
                "&",
                ("left_partner_id", "=", me),
                ("right_partner_id", "=", partner.id),
                "&",
                ("left_partner_id", "=", partner.id),
                ("right_partner_id", "=", me),
            ]
        )

    def test_first_contact_creates_knows(self):
        self.register(self.piet, [self.day(2026, 3, 2)])
        relation = self.knows(self.employee, self.piet)
        self.assertEqual(len(relation), 1)
        self.assertEqual(relation.left_partner_id, self.employee.partner_id)
        self.assertEqual(relation.strength, 1)
        self.assertEqual(relation.last_contact_date, self.day(2026, 3, 2))
        self.assertEqual(relation.date_start, self.day(2026, 3, 2))
        self.assertEqual(relation.confidentiality, "intern")
        self.assertEqual(relation.create_uid, self.employee)

    def test_strength_grows_with_contacts(self):
        self.register(self.piet, [self.day(2026, 1, d) for d in (5, 6)])
        self.assertEqual(self.knows(self.employee, self.piet).strength, 1)
        self.register(self.piet, [self.day(2026, 2, 10)])
        relation = self.knows(self.employee, self.piet)
        self.assertEqual(len(relation), 1)
        self.assertEqual(relation.strength, 2)
        self.assertEqual(relation.last_contact_date, self.day(2026, 2, 10))
        self.register(self.piet, [self.day(2025, 12, d) for d in range(1, 8)])
        relation = self.knows(self.employee, self.piet)
        self.assertEqual(relation.strength, 3)
        self.assertEqual(relation.last_contact_date, self.day(2026, 2, 10))

    def test_batch_of_pairs(self):
        moments = self.register(self.piet, [self.day(2026, 4, 1)] * 3)
        moments |= self.register(self.town, [self.day(2026, 4, 2)])
        moments |= self.register(self.town, [self.day(2026, 4, 3)], user=self.colleague)
        self.assertEqual(self.knows(self.employee, self.piet).strength, 2)
        self.assertEqual(self.knows(self.employee, self.town).strength, 1)
        self.assertEqual(
            self.knows(self.colleague, self.town).last_contact_date,
            self.day(2026, 4, 3),
        )
        self.assertFalse(self.knows(self.colleague, self.piet))

    def test_existing_inverse_relation_is_updated(self):
        manual = self.relate(
            self.piet,
            self.type_knows,
            self.employee.partner_id,
            context="Old classmates",
        )
        self.register(self.piet, [self.day(2026, 5, 4)])
        self.assertEqual(self.knows(self.employee, self.piet), manual)
        self.assertEqual(manual.strength, 1)
        self.assertEqual(manual.context, "Old classmates")

    def test_ended_relation_is_followed_by_a_new_one(self):
        old = self.relate(
            self.employee.partner_id,
            self.type_knows,
            self.piet,
            date_start=self.day(2020, 1, 1),
            date_end=self.day(2020, 12, 31),
        )
        self.register(self.piet, [self.day(2020, 6, 1), self.yesterday])
        relations = self.knows(self.employee, self.piet)
        self.assertEqual(len(relations), 2)
        new = relations - old
        self.assertEqual(new.date_start, self.day(2021, 1, 1))
        self.assertEqual(new.last_contact_date, self.yesterday)

    def test_secret_contacts_make_a_secret_relation(self):
        self.register(self.piet, [self.day(2026, 6, 1)], confidentiality="geheim")
        relation = self.knows(self.employee, self.piet)
        self.assertEqual(relation.confidentiality, "geheim")
        self.assertTrue(
            self.Relation.with_user(self.employee).search([("id", "=", relation.id)])
        )
        self.assertFalse(
            self.Relation.with_user(self.colleague).search([("id", "=", relation.id)])
        )

    def test_moving_a_moment_updates_both_pairs(self):
        moments = self.register(self.piet, [self.day(2026, 7, d) for d in (1, 2, 3)])
        self.assertEqual(self.knows(self.employee, self.piet).strength, 2)
        moments[2].with_user(self.employee).write({"partner_id": self.town.id})
        self.process_queue()
        self.assertEqual(self.knows(self.employee, self.piet).strength, 1)
        self.assertEqual(
            self.knows(self.employee, self.piet).last_contact_date, self.day(2026, 7, 2)
        )
        self.assertEqual(self.knows(self.employee, self.town).strength, 1)

    def test_no_relation_with_oneself(self):
        self.register(self.employee.partner_id, [self.day(2026, 8, 1)])
        self.assertFalse(
            self.Relation.search(
                [("left_partner_id", "=", self.employee.partner_id.id)]
            )
        )

    def test_technical_and_missing_employee_are_ignored(self):
        self.Moment.create(
            [
                {
                    "partner_id": self.piet.id,
                    "subject": "Import",
                    "user_id": SUPERUSER_ID,
                },
                {"partner_id": self.piet.id, "subject": "Letter", "user_id": False},
            ]
        )
        self.process_queue()
        self.assertFalse(
            self.Relation.search(
                [
                    ("type_id", "=", self.type_knows.id),
                    ("any_partner_id", "=", self.piet.id),
                ]
            )
        )

    def test_mass_sends_make_no_acquaintance(self):
        self.register(self.piet, [self.day(2026, 3, 2)], is_bulk=True)
        self.assertFalse(self.knows(self.employee, self.piet))

    def test_saving_only_queues_and_processing_twice_is_harmless(self):
        Queue = self.env["gov.network.knows.queue"]
        self.Moment.with_user(self.employee).create(
            {
                "partner_id": self.piet.id,
                "subject": "Call",
                "occurred_at": self.noon(self.day(2026, 9, 1)),
            }
        )
        self.assertFalse(self.knows(self.employee, self.piet))
        self.assertEqual(Queue.search_count([]), 1)
        self.process_queue()
        self.process_queue()
        self.assertEqual(len(self.knows(self.employee, self.piet)), 1)
        self.assertFalse(Queue.search_count([]))

    def test_saving_wakes_the_cron(self):
        cron = self.env.ref("gov_network.ir_cron_knows_queue")
        Trigger = self.env["ir.cron.trigger"]
        before = Trigger.search_count([("cron_id", "=", cron.id)])
        self.register(self.piet, [self.day(2026, 9, 2)])
        self.assertGreater(Trigger.search_count([("cron_id", "=", cron.id)]), before)

    def test_an_unchanged_relation_is_not_written(self):
        self.register(self.piet, [self.day(2026, 9, 3)])
        relation = self.knows(self.employee, self.piet)
        self.assertEqual(relation.write_uid, self.employee)
        self.register(self.piet, [self.day(2026, 9, 3)])  # same day, same strength
        self.assertEqual(relation.strength, 1)
        # The cron writes as itself: an untouched write_uid means no write.
        self.assertEqual(relation.write_uid, self.employee)
        self.register(self.piet, [self.day(2026, 9, 4)])
        self.assertEqual(relation.last_contact_date, self.day(2026, 9, 4))
        self.assertNotEqual(relation.write_uid, self.employee)
