from odoo.tests import BaseCase

from .. import mail_intake


class TestMailIntake(BaseCase):
    """The mail checks without Odoo: authentication, automatic mail, BSN."""

    def test_sender_verdict(self):
        verdict = mail_intake.sender_verdict
        server = "mx.gemeente.test"
        dmarc_pass = f"{server}; dmarc=pass (p=none) header.from=example.org"
        self.assertEqual(verdict("a@example.org", [dmarc_pass])[0], "pass")
        dmarc_fail = (
            f"{server}; spf=pass smtp.mailfrom=x.test;"
            " dmarc=fail header.from=example.org"
        )
        self.assertEqual(verdict("a@example.org", [dmarc_fail])[0], "fail")
        dkim_sub = f"{server}; dkim=pass header.d=mail.example.org"
        self.assertEqual(verdict("a@example.org", [dkim_sub])[0], "pass")
        spf_other = f"{server}; spf=pass smtp.mailfrom=bounce@other.test"
        self.assertEqual(verdict("a@example.org", [spf_other])[0], "misaligned")
        # A top-level domain never aligns with everything under it.
        dkim_tld = f"{server}; dkim=pass header.d=org"
        self.assertEqual(verdict("a@example.org", [dkim_tld])[0], "misaligned")
        self.assertEqual(verdict("a@example.org", [])[0], "none")
        # Only the configured server's header is read, wherever it stands.
        forged = "mx.spoofer.test; dmarc=pass header.from=example.org"
        self.assertEqual(verdict("a@example.org", [forged], server)[0], "none")
        self.assertEqual(
            verdict("a@example.org", [forged, dmarc_fail], server)[0], "fail"
        )

    def test_automatic_reason(self):
        reason = mail_intake.automatic_reason
        self.assertTrue(reason({"auto-submitted": "auto-replied"}))
        self.assertFalse(reason({"auto-submitted": "no"}))
        self.assertTrue(reason({"x-autoreply": "yes"}))
        self.assertTrue(reason({"precedence": "Bulk"}))
        self.assertFalse(reason({"precedence": "first-class"}))

    def test_mask_bsns(self):
        text, found = mail_intake.mask_bsns("BSN 123456782 of 1234 56 782; 123456789")
        self.assertEqual(text, "BSN *****6782 of *****6782; 123456789")
        self.assertEqual(found, ["123456782"])
        self.assertEqual(mail_intake.mask_bsns("000000000")[1], [])

    def test_decode_raw_header(self):
        raw = "Caf\xe9".encode("latin-1").decode("ascii", "surrogateescape")
        self.assertEqual(mail_intake.decode_raw_header(raw), "Caf\xe9")
        self.assertIsNone(mail_intake.decode_raw_header("plain"))
