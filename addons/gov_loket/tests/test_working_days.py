import datetime

from odoo.tests import tagged
from odoo.tests.common import BaseCase

from .. import working_days as wd

D = datetime.date


@tagged("post_install", "-at_install")
class TestDutchHolidays(BaseCase):
    def test_holidays_2025(self):
        self.assertEqual(
            sorted(wd.dutch_public_holidays(2025)),
            [
                D(2025, 1, 1),
                D(2025, 4, 20),  # Easter Sunday
                D(2025, 4, 21),  # Easter Monday
                D(2025, 4, 26),  # King's Day moved: the 27th is a Sunday
                D(2025, 5, 5),  # Liberation Day, lustrum year
                D(2025, 5, 29),  # Ascension
                D(2025, 6, 8),  # Whit Sunday
                D(2025, 6, 9),  # Whit Monday
                D(2025, 12, 25),
                D(2025, 12, 26),
            ],
        )

    def test_holidays_2026_no_liberation_day(self):
        holidays = wd.dutch_public_holidays(2026)
        self.assertIn(D(2026, 4, 5), holidays)  # Easter Sunday
        self.assertIn(D(2026, 4, 6), holidays)  # Easter Monday
        self.assertIn(D(2026, 4, 27), holidays)  # King's Day on a Monday
        self.assertIn(D(2026, 5, 14), holidays)  # Ascension
        self.assertIn(D(2026, 5, 25), holidays)  # Whit Monday
        self.assertNotIn(D(2026, 5, 5), holidays)
        self.assertNotIn(D(2026, 4, 3), holidays)  # Good Friday is a working day
        self.assertEqual(len(holidays), 9)

    def test_holidays_2030_lustrum(self):
        holidays = wd.dutch_public_holidays(2030)
        self.assertEqual(holidays[D(2030, 5, 5)], "Liberation Day")
        self.assertEqual(holidays[D(2030, 4, 27)], "King's Day")
        self.assertIn(D(2030, 4, 22), holidays)  # Easter Monday
        self.assertIn(D(2030, 5, 30), holidays)  # Ascension
        self.assertIn(D(2030, 6, 10), holidays)  # Whit Monday
        self.assertEqual(len(holidays), 10)

    def test_kings_day_sunday_rule_2014(self):
        holidays = wd.dutch_public_holidays(2014)
        self.assertIn(D(2014, 4, 26), holidays)
        self.assertNotIn(D(2014, 4, 27), holidays)

    def test_is_working_day(self):
        self.assertTrue(wd.is_working_day(D(2026, 4, 3)))  # Good Friday
        self.assertFalse(wd.is_working_day(D(2026, 4, 4)))  # Saturday
        self.assertFalse(wd.is_working_day(D(2026, 4, 6)))  # Easter Monday
        self.assertFalse(wd.is_working_day(D(2026, 12, 25)))
        self.assertTrue(
            wd.is_working_day(datetime.datetime(2026, 12, 28, 9, 0))
        )  # datetimes are accepted


@tagged("post_install", "-at_install")
class TestAddWorkingDays(BaseCase):
    def test_plain_week(self):
        self.assertEqual(wd.add_working_days(D(2026, 3, 2), 1), D(2026, 3, 3))
        self.assertEqual(wd.add_working_days(D(2026, 3, 2), 5), D(2026, 3, 9))

    def test_skips_weekend(self):
        # Friday + 1 working day is Monday; Saturday + 1 too.
        self.assertEqual(wd.add_working_days(D(2026, 3, 6), 1), D(2026, 3, 9))
        self.assertEqual(wd.add_working_days(D(2026, 3, 7), 1), D(2026, 3, 9))

    def test_over_easter_2026(self):
        # Thursday 2 April: Good Friday counts, Easter Monday does not.
        self.assertEqual(wd.add_working_days(D(2026, 4, 2), 2), D(2026, 4, 7))

    def test_over_kings_day_2026(self):
        self.assertEqual(wd.add_working_days(D(2026, 4, 24), 1), D(2026, 4, 28))

    def test_liberation_day_only_in_lustrum(self):
        self.assertEqual(wd.add_working_days(D(2025, 5, 2), 1), D(2025, 5, 6))
        self.assertEqual(wd.add_working_days(D(2026, 5, 4), 1), D(2026, 5, 5))

    def test_over_christmas_and_new_year(self):
        # Wed 24 Dec 2025 + 3: 25/26 holidays, weekend, Mon 29, Tue 30, Wed 31.
        self.assertEqual(wd.add_working_days(D(2025, 12, 24), 3), D(2025, 12, 31))
        self.assertEqual(wd.add_working_days(D(2025, 12, 24), 4), D(2026, 1, 2))

    def test_over_ascension_and_whitsun_2026(self):
        self.assertEqual(wd.add_working_days(D(2026, 5, 13), 1), D(2026, 5, 15))
        self.assertEqual(wd.add_working_days(D(2026, 5, 22), 1), D(2026, 5, 26))

    def test_zero_days(self):
        self.assertEqual(wd.add_working_days(D(2026, 3, 3), 0), D(2026, 3, 3))
        self.assertEqual(wd.add_working_days(D(2026, 4, 4), 0), D(2026, 4, 7))

    def test_bad_input(self):
        with self.assertRaises(ValueError):
            wd.add_working_days(D(2026, 3, 2), -1)
        with self.assertRaises(TypeError):
            wd.add_working_days(D(2026, 3, 2), 1.5)
        with self.assertRaises(TypeError):
            wd.add_working_days("2026-03-02", 1)

    def test_working_days_between_is_inverse(self):
        start = D(2025, 12, 19)
        for n in range(0, 40):
            end = wd.add_working_days(start, n)
            self.assertEqual(wd.working_days_between(start, end), n)
