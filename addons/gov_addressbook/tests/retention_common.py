from datetime import date, datetime

from odoo.tests import new_test_user

from .common import GovAddressbookCase


class RetentionMixin:
    """Retention test helpers for any addon: a clean rule set (the default
    rules are archived so that each test states its own), rules by kind and
    date field, and the job run in the test's transaction (``commit`` is a
    counter, since a test may not commit)."""

    @classmethod
    def _gov_retention_setup(cls):
        cls.Rule = cls.env["gov.retention.rule"]
        cls.Report = cls.env["gov.retention.report"]
        cls.Rule.search([]).active = False
        cls.anonymous = cls.env.ref("gov_addressbook.partner_anonymised")

    @classmethod
    def _rule(cls, kind, date_field, term=1, unit="years", action="delete", **values):
        model = cls.Rule._gov_retention_kind_map()[kind]["model"]
        field = cls.env["ir.model.fields"]._get(model, date_field)
        return cls.Rule.create(
            {
                "name": f"{kind} {term} {unit}",
                "kind": kind,
                "date_field_id": field.id,
                "term_value": term,
                "term_unit": unit,
                "action": action,
                **values,
            }
        )

    def _run(self, today, batch_size=1000, stop_after=None):
        """Run the job on ``today``; ``stop_after`` batches ends it early (as
        the cron's time limit would). Returns the number of batches."""
        batches = []

        def commit(processed):
            if processed:
                batches.append(processed)
            return 0 if stop_after and len(batches) >= stop_after else 3600

        self.Rule._gov_apply_retention(
            today=today, batch_size=batch_size, commit=commit
        )
        return len(batches)


class GovRetentionCase(RetentionMixin, GovAddressbookCase):
    """Personas and two citizens for the address book's retention tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.privacy_officer = new_test_user(
            cls.env, "gov_ret_privacy", groups="gov_addressbook.group_privacy_officer"
        )
        cls.functional_admin = new_test_user(
            cls.env, "gov_ret_admin", groups="gov_addressbook.group_manager"
        )
        cls._gov_retention_setup()
        cls.anna, cls.kees = cls.Partner.create(
            [
                {"name": "Anna Visser", "gov_party_type": "citizen"},
                {"name": "Kees Bakker", "gov_party_type": "citizen"},
            ]
        )

    @classmethod
    def _moments(cls, partner, when, count=1, **values):
        return cls.Moment.create(
            [
                {
                    "partner_id": partner.id,
                    "subject": f"Question {n} of {partner.name}",
                    "summary": f"{partner.name} asked about the bridge",
                    "occurred_at": when,
                    "channel": "phone",
                    **values,
                }
                for n in range(count)
            ]
        )


def day(year, month, dom):
    return date(year, month, dom)


def moment_at(year, month, dom, hour=10):
    return datetime(year, month, dom, hour)
