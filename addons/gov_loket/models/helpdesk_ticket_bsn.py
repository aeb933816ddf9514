from odoo import models

from .. import mail_intake


class HelpdeskTicket(models.Model):
    """A BSN that a citizen writes in a question (mail, web form).

    The text of the request shows it masked (``*****6782``): description,
    chatter, contact moment and notifications all derive from that text. The
    number itself is kept only in the relation's BSN field, behind its access
    group and with a line in the processing log, and only when the relation is
    known to be the writer: an authenticated mail from its own address, or the
    relation just made from the web form.
    """

    _inherit = "helpdesk.ticket"

    def _gov_record_bsn(self, partner, bsns, origin):
        """Store the BSN of ``partner`` from this request's text, when it has
        none yet and no other relation holds it. Posts a masked note."""
        self.ensure_one()
        if len(bsns) != 1:
            # Several numbers (a child's, a partner's): staff decide.
            return False
        bsn = bsns[0]
        # sudo: the gateway and the web form run as users without BSN access.
        # The value comes from the writer's own message, is only stored on
        # their own relation while it has no BSN (never overwritten), and the
        # processing is logged below.
        partner_sudo = partner.sudo()
        Partner = self.env["res.partner"].sudo().with_context(active_test=False)
        if partner_sudo.bsn or Partner.search_count([("bsn", "=", bsn)], limit=1):
            return False
        partner_sudo.write({"bsn": bsn})
        self.env["gov.processing.log"]._log_processing(
            partner, "record_bsn", ["bsn"], origin, purpose="service_request"
        )
        self.message_post(
            body=self.env._(
                "BSN %(bsn)s from the question stored on the relation.",
                bsn=mail_intake.mask_bsn(bsn),
            ),
            message_type="notification",
            subtype_xmlid="mail.mt_note",
        )
        return True
