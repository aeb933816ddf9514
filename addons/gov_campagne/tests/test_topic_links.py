from odoo.tests import BaseCase, tagged

from .. import topic_links


@tagged("post_install", "-at_install")
class TestTopicLinks(BaseCase):
    def test_tokens_are_random_and_wellformed(self):
        tokens = {topic_links.new_token() for _ in range(50)}
        self.assertEqual(len(tokens), 50)
        self.assertTrue(all(topic_links.is_wellformed_token(t) for t in tokens))

    def test_malformed_tokens_are_refused(self):
        for token in ("", "kort", "a" * 200, "<script>" * 4, None, 42):
            self.assertFalse(topic_links.is_wellformed_token(token), token)

    def test_links_and_headers(self):
        base = "https://provincie.example/"
        self.assertEqual(
            topic_links.confirm_url(base, "abc"),
            "https://provincie.example/gov/topics/confirm/abc",
        )
        headers = topic_links.unsubscribe_headers(base, "abc")
        self.assertEqual(
            headers["List-Unsubscribe"],
            "<https://provincie.example/gov/topics/unsubscribe/abc/one-click>",
        )
        self.assertEqual(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
