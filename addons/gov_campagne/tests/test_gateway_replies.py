from odoo.addons.gov_addressbook.server_context import server_flags
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestGatewayReplyStatistics(TransactionCase):
    """The mail gateway's user needs no mailing rights to have a reply counted,
    and nobody else gets those rights through it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gateway = new_test_user(
            cls.env, "campagne_mailgate", groups="base.group_user"
        )
        mailing = cls.env["mailing.mailing"].create(
            {
                "subject": "Nieuwsbrief",
                "mailing_model_id": cls.env.ref("base.model_res_partner").id,
            }
        )
        cls.trace = cls.env["mailing.trace"].create(
            {
                "mass_mailing_id": mailing.id,
                "model": "res.partner",
                "res_id": cls.env.user.partner_id.id,
                "message_id": "<reply-test@gemeente.example>",
                "trace_status": "sent",
            }
        )
        cls.domain = [("message_id", "in", ["<reply-test@gemeente.example>"])]

    def test_reply_counted_while_the_gateway_routes(self):
        Trace = self.env["mailing.trace"].with_user(self.gateway)
        with server_flags(gov_mail_gateway_routing=True):
            Trace.set_opened(domain=self.domain)
            Trace.set_replied(domain=self.domain)
        self.assertEqual(self.trace.trace_status, "reply")

    def test_no_rights_outside_the_gateway(self):
        with self.assertRaises(AccessError):
            self.env["mailing.trace"].with_user(self.gateway).set_replied(
                domain=self.domain
            )
        self.assertEqual(self.trace.trace_status, "sent")
