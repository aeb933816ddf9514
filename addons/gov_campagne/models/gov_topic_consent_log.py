from odoo import api, fields, models
from odoo.addons.gov_addressbook.server_context import server_flag
from odoo.exceptions import UserError

from .gov_topic_subscription import SOURCES

CONSENT_ACTIONS = [
    ("subscribe", "Subscribed"),
    ("confirm", "Confirmed"),
    ("withdraw", "Withdrawn"),
]


class GovTopicConsentLog(models.Model):
    """Proof of consent (AVG): one line per subscribe, confirm and withdraw.

    Lines are written only through :meth:`_log_consent` and can never be
    changed or deleted. Topic, relation and e-mail address are copied onto the
    line, so the proof stays readable when a subscription is gone.
    """

    _name = "gov.topic.consent.log"
    _description = "Topic consent log line"
    _order = "date desc, id desc"
    _rec_name = "action"

    subscription_id = fields.Many2one(
        "gov.topic.subscription", readonly=True, index=True, ondelete="set null"
    )
    topic_id = fields.Many2one(
        "gov.topic", readonly=True, index=True, ondelete="set null"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Relation",
        readonly=True,
        index=True,
        ondelete="set null",
    )
    email = fields.Char(
        string="E-mail", readonly=True, help="The address at the moment of consent."
    )
    action = fields.Selection(CONSENT_ACTIONS, required=True, readonly=True)
    date = fields.Datetime(required=True, readonly=True, index=True)
    source = fields.Selection(SOURCES, required=True, readonly=True)
    ip = fields.Char(string="IP address", readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="By",
        readonly=True,
        ondelete="set null",
        help="The user the action ran as: the public user for the web pages.",
    )

    def write(self, vals):
        # The one change allowed: the erasure of a relation replaces the
        # address by its keyed hash (see res_partner_privacy). A server flag,
        # never the context, says so: an RPC caller cannot set it.
        if server_flag("gov_privacy_erasure") and set(vals) <= {"email", "ip"}:
            hashed = all(
                not value or str(value).startswith("hmac-sha256:")
                for value in vals.values()
            )
            if hashed:
                return super().write(vals)
        raise UserError(self.env._("The consent log cannot be changed."))

    # Append-only proof of consent: refusing is the whole method, no super().
    def unlink(self):  # pylint: disable=method-required-super
        raise UserError(self.env._("The consent log cannot be deleted."))

    @api.model
    def _log_consent(self, subscriptions, action, source, ip=None):
        """One line per subscription, in a single batch create."""
        now = fields.Datetime.now()
        vals_list = [
            {
                "subscription_id": subscription.id,
                "topic_id": subscription.topic_id.id,
                "partner_id": subscription.partner_id.id,
                "email": subscription.partner_id.email,
                "action": action,
                "date": now,
                "source": source,
                "ip": ip or False,
                "user_id": self.env.uid,
            }
            for subscription in subscriptions
        ]
        # sudo: nobody may create log lines directly, so they can only come from
        # here; every value is taken from the subscriptions just changed.
        return self.sudo().create(vals_list)
