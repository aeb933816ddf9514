import datetime
import re

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .common import GovLoketCase
from .mailbox_common import LoketMailboxCase, raw_mail

DUTCH_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")
DUTCH_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def in_dutch(day):
    """``day`` as the citizen reads it: "vrijdag 11 december 2026"."""
    weekday, month = DUTCH_DAYS[day.weekday()], DUTCH_MONTHS[day.month - 1]
    return f"{weekday} {day.day} {month} {day.year}"


@tagged("post_install", "-at_install")
class TestDefaultNorm(GovLoketCase):
    """One norm, whatever the channel: a request without subject has one too."""

    def test_request_without_subject_gets_the_default_norm(self):
        self.env["ir.config_parameter"].set_param("gov_loket.default_norm_days", 3)
        with freeze_time("2026-12-07 10:00:00"):  # Monday
            ticket = self._new_ticket(
                self.front_desk,
                category_id=False,
                received_date=self._utc(2026, 12, 7),
            )
        self.assertEqual(ticket.deadline_date, datetime.date(2026, 12, 10))
        with freeze_time("2026-12-14 10:00:00"):
            overdue = self.Ticket.with_user(self.front_desk).search(
                [("is_overdue", "=", True)]
            )
            self.assertIn(ticket, overdue)

    def test_subject_norm_applies_on_every_channel(self):
        channels = self.env["helpdesk.ticket.channel"].search([])
        self.assertGreaterEqual(len(set(channels.mapped("gov_channel"))), 7)
        tickets = self.Ticket.create(
            [
                self._ticket_vals(
                    channel_id=channel.id,
                    received_date=self._utc(2026, 12, 7),
                    category_id=self.subject_permit.id,
                )
                for channel in channels
            ]
            + [
                self._ticket_vals(
                    channel_id=channel.id,
                    received_date=self._utc(2026, 12, 7),
                    category_id=False,
                )
                for channel in channels
            ]
        )
        with_subject = tickets.filtered("category_id")
        self.assertEqual(
            set(with_subject.mapped("deadline_date")), {datetime.date(2026, 12, 14)}
        )
        # Default setting: 10 working days, on every channel.
        self.assertEqual(
            set((tickets - with_subject).mapped("deadline_date")),
            {datetime.date(2026, 12, 21)},
        )

    def test_zero_norm_on_a_subject_still_means_no_norm(self):
        self.subject_roads.service_norm_days = 0
        ticket = self._new_ticket(category_id=self.subject_roads.id)
        self.assertFalse(ticket.deadline_date)

    def test_answer_date_in_dutch(self):
        ticket = self._new_ticket(received_date=self._utc(2026, 12, 4))
        # Friday 4 + 5 working days: Friday 11 December 2026.
        self.assertEqual(ticket.answer_date_text, "vrijdag 11 december 2026")


@tagged("post_install", "-at_install")
class TestDashboardPerChannel(GovLoketCase):
    def test_within_norm_per_channel(self):
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        monday = self._utc(2026, 3, 2)  # permit deadline 9 March
        phone_ok, counter_ok, counter_late = self.Ticket.create(
            [
                self._ticket_vals(received_date=monday, channel_id=channel.id)
                for channel in (
                    self.channel_phone,
                    self.channel_counter,
                    self.channel_counter,
                )
            ]
        )
        with freeze_time("2026-03-04 10:00:00"):
            (phone_ok | counter_ok).write({"stage_id": done.id})
        with freeze_time("2026-03-11 10:00:00"):
            counter_late.write({"stage_id": done.id})
        figures = self.Ticket.with_user(self.team_lead).get_loket_dashboard()
        per_channel = {
            row["id"]: (row["value"], row["count"])
            for row in figures["within_norm_by_channel"]
        }
        self.assertEqual(per_channel[self.channel_phone.id], (100.0, 1))
        self.assertEqual(per_channel[self.channel_counter.id], (50.0, 2))


@tagged("post_install", "-at_install")
class TestAnswerDateWebform(HttpCase):
    def test_confirmation_says_the_answer_date_in_dutch(self):
        subject = self.env["helpdesk.ticket.category"].create(
            {"name": "Promise subject", "gov_web_form": True, "service_norm_days": 5}
        )
        page = self.url_open("/loket/vraag")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        response = self.url_open(
            "/loket/vraag/verzenden",
            data={
                "csrf_token": token,
                "name": "Piet Bakker",
                "email": "piet.promise@example.org",
                "phone": "",
                "postcode": "",
                "subject_id": str(subject.id),
                "question": "When is my permit ready?",
            },
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.env["helpdesk.ticket"].search([("category_id", "=", subject.id)])
        self.assertTrue(ticket.deadline_date)
        self.assertIn(in_dutch(ticket.deadline_date), response.text)


@tagged("post_install", "-at_install")
class TestAnswerDateAcknowledgement(LoketMailboxCase):
    def test_acknowledgement_says_the_answer_date_in_dutch(self):
        self.team_kcc.gov_acknowledge = True
        ticket, _thread = self.deliver(raw_mail(subject="Promise by mail"))
        # A mail to the team alias has no subject: the default norm applies.
        self.assertFalse(ticket.category_id)
        self.assertTrue(ticket.deadline_date)
        ack = self.mails_to("anna@example.org").filtered(
            lambda m: ticket.number in (m.subject or "")
        )
        self.assertEqual(len(ack), 1)
        self.assertIn(in_dutch(ticket.deadline_date), ack.body_html)
