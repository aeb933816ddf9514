from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL


def _not_phone_blacklisted_sql(model, alias, query):
    """SQL for "the mobile number is not on the SMS blacklist".

    An uncorrelated NOT IN: PostgreSQL hashes the blacklist once. A NOT EXISTS
    (or an array) inside the negation of the e-mail domain is probed per
    partner and made the live count on a million partners five times slower.
    """
    model.flush_model(["phone_sanitized"])
    model.env["phone.blacklist"].flush_model(["number", "active"])
    return SQL(
        "%s NOT IN (SELECT pbl.number FROM phone_blacklist pbl"
        " WHERE pbl.active AND pbl.number IS NOT NULL)",
        SQL.identifier(alias, "phone_sanitized"),
    )


class GovCampaign(models.Model):
    """Which channel each relation gets: its preferred channel when we can
    use it (a letter, an SMS), otherwise the e-mail; every other preference
    (phone, counter, chat, ...) is served by e-mail too."""

    _inherit = "gov.campaign"

    @api.model
    def _get_preference_domains(self):
        """(letter, sms): relations that prefer that channel and can get it,
        that is have a postal address or a usable mobile number."""
        letter = (
            Domain("preferred_channel", "=", "letter")
            & Domain("street", "!=", False)
            & Domain("city", "!=", False)
        )
        sms = (
            Domain("preferred_channel", "=", "sms")
            & Domain("phone_sanitized", "!=", False)
            & Domain.custom(to_sql=_not_phone_blacklisted_sql)
        )
        return letter, sms

    @api.depends("audience_domain")
    def _compute_audience_count(self):
        for campaign in self:
            try:
                total, email, letter, sms = campaign._count_audience()
            except ValidationError:
                total = email = letter = sms = 0
            campaign.audience_total_count = total
            campaign.audience_count = email
            campaign.audience_letter_count = letter
            campaign.audience_sms_count = sms

    def _count_audience(self):
        """(in audience, by e-mail, by letter, by SMS), counted in one pass
        over the relations: the live count stays fast on a million."""
        self.ensure_one()
        Partner = self.env["res.partner"]
        query = Partner._search(self._parse_audience_domain())
        if query.is_empty():
            return 0, 0, 0, 0
        # The same channel split as every send (_get_send_domain), with the
        # e-mail blacklist joined below instead of searched.
        letter, sms = self._get_preference_domains()
        contactable = Domain(Partner._gov_contactable_domain())
        channels = [
            self._get_exclusion_domain("email", blacklist=False) & ~letter & ~sms,
            contactable & letter,
            contactable & sms,
        ]
        email_sql, letter_sql, sms_sql = (
            domain.optimize_full(Partner)._to_sql(Partner, query.table, query)
            for domain in channels
        )
        # The blacklist as a left join here: the NOT EXISTS of the search
        # domain would be probed once per row inside FILTER. The blacklist
        # address is unique, so the join adds no rows.
        Partner.flush_model(["email_normalized"])
        self.env["mail.blacklist"].flush_model(["email", "active"])
        query.add_join(
            "LEFT JOIN",
            "gov_blacklist",
            "mail_blacklist",
            SQL(
                "gov_blacklist.email = %s AND gov_blacklist.active",
                SQL.identifier(query.table, "email_normalized"),
            ),
        )
        return self.env.execute_query(
            query.select(
                SQL("count(*)"),
                SQL(
                    "count(*) FILTER (WHERE %s AND gov_blacklist.id IS NULL)",
                    email_sql,
                ),
                SQL("count(*) FILTER (WHERE %s)", letter_sql),
                SQL("count(*) FILTER (WHERE %s)", sms_sql),
            )
        )[0]

    @api.model
    def _get_send_domain(self, channel=None):
        """Relations a send reaches on ``channel`` (None: on any channel).

        The exclusions (do not contact, deceased, anonymised, archived) hold
        for every channel; the e-mail also needs an address that is not
        blacklisted. Who prefers a letter without a postal address, or an SMS
        without a number, falls back to the e-mail.
        """
        contactable = Domain(self.env["res.partner"]._gov_contactable_domain())
        letter, sms = self._get_preference_domains()
        domains = {
            "email": self._get_exclusion_domain("email") & ~letter & ~sms,
            "letter": contactable & letter,
            "sms": contactable & sms,
        }
        if channel:
            return domains[channel]
        return Domain.OR(domains.values())

    def _get_audience_reachable(self):
        """The audience relations a send reaches on any channel."""
        self.ensure_one()
        return self.env["res.partner"].search(
            self._parse_audience_domain() & self._get_send_domain()
        )

    @api.model
    def _split_by_channel(self, partners):
        """{channel: partners} for relations already reachable on some channel
        (see ``_get_send_domain()``): two queries, whatever their number."""
        Partner = self.env["res.partner"]
        split = {}
        rest = partners
        for channel in ("letter", "sms"):
            split[channel] = Partner.search(
                Domain("id", "in", partners.ids) & self._get_send_domain(channel)
            )
            rest -= split[channel]
        split["email"] = rest
        return split
