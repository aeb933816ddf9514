from odoo.tests import BaseCase, tagged

from ..channel_text import SMS_LIMIT, sms_text, squash


@tagged("post_install", "-at_install")
class TestChannelText(BaseCase):
    def test_short_text_kept_whole(self):
        self.assertEqual(
            sms_text("Weg dicht", "<b>niet</b>\n  in  juli"),
            "Weg dicht: <b>niet</b> in juli",
        )
        self.assertEqual(sms_text("Alleen onderwerp", ""), "Alleen onderwerp")
        self.assertEqual(squash("  a \n b "), "a b")

    def test_long_text_cut_at_word_keeps_link(self):
        link = "https://provincie.example/gov/onderwerpen/afmelden/abc"
        text = sms_text("Weg dicht", "woord " * 200, link=link)
        self.assertLessEqual(len(text), SMS_LIMIT)
        self.assertTrue(text.endswith(" " + link))
        self.assertIn("woord…", text)
        self.assertNotIn("wo…", text.replace("woord…", ""))

    def test_link_longer_than_limit(self):
        self.assertEqual(sms_text("S", "body", link="x" * 400, limit=50), "x" * 50)
