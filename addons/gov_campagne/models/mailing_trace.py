from odoo import api, models

# Traces in these states were never handed to the mail server (blacklisted,
# opted out, duplicate or missing address): no contact took place.
NOT_SENT = ("cancel", "error")


class MailingTrace(models.Model):
    """Every e-mail of a mass mailing to relations lands on their timeline."""

    _inherit = "mailing.trace"

    @api.model_create_multi
    def create(self, vals_list):
        traces = super().create(vals_list)
        traces._gov_log_contact_moments()
        return traces

    def _gov_log_contact_moments(self):
        """One outbound e-mail contact moment per mailed relation, in one batch.

        The mailing queue creates traces in batches (one per composed batch of
        mails), so this adds one insert per batch, never a query per relation.
        """
        mailed = self.filtered(
            lambda t: t.trace_type == "mail"
            and t.model == "res.partner"
            and t.mass_mailing_id
            and t.trace_status not in NOT_SENT
        )
        if not mailed:
            return
        # Built once per mailing: a batch of traces shares one creation time.
        base = {
            mailing: mailing._gov_contact_moment_values(mailed[:1].create_date)
            for mailing in mailed.mass_mailing_id
        }
        moment_vals = [
            {
                **base[trace.mass_mailing_id],
                "partner_id": trace.res_id,
                "channel": "email",
            }
            for trace in mailed
        ]
        # sudo: traces are written by the mailing queue (or a marketing user
        # without address-book rights); the moments record this send only.
        self.env["gov.contact.moment"].sudo().with_context(
            tracking_disable=True, mail_create_nolog=True
        ).create(moment_vals)
