"""Remove the "knows" relations that contact moments made with citizens.

Until 19.0.1.2.0 every registered contact made its colleague "know" the
relation, citizens too: a front-desk employee answering a citizen became their
acquaintance. Those relations are personal data without a purpose (AVG).

The relations the old rule made are told apart from the ones colleagues
entered by hand by their *Source*: the rule wrote "Contact moments" there, in
the language of the cron that applied it (the term's translations are looked
up in every language the addon ships, installed or not). A relation entered
by hand has the source a colleague typed, usually none, and stays. The
relations of contacts with organisations and their people stay too: the new
default rule makes them.
"""

import logging
from pathlib import Path

from odoo import SUPERUSER_ID, api
from odoo.addons.gov_network.network_rules import (
    KNOWS_SCOPE_ORGANISATIONS,
    makes_acquaintance,
)
from odoo.tools.translate import code_translations

_logger = logging.getLogger(__name__)

AUTOMATIC_SOURCE = "Contact moments"


def automatic_sources():
    """The source the old rule wrote, in every language the addon ships."""
    sources = {AUTOMATIC_SOURCE}
    i18n = Path(__file__).resolve().parent.parent.parent / "i18n"
    for lang in sorted(path.stem for path in i18n.glob("*.po")):
        translations = code_translations.get_python_translations("gov_network", lang)
        sources.add(translations.get(AUTOMATIC_SOURCE, AUTOMATIC_SOURCE))
    return sources


def remove_automatic_citizen_knows(env):
    knows = env.ref("gov_network.relation_type_knows", raise_if_not_found=False)
    if not knows:
        return 0
    relations = (
        env["res.partner.relation"]
        .with_context(active_test=False)
        .search(
            [
                ("type_id", "=", knows.id),
                ("source", "in", sorted(automatic_sources())),
            ]
        )
    )
    employees = (
        env["res.users"]
        .with_context(active_test=False)
        .search([("share", "=", False)])
        .partner_id
    )
    doomed = relations.filtered(
        lambda relation: relation.left_partner_id in employees
        and not makes_acquaintance(
            KNOWS_SCOPE_ORGANISATIONS,
            relation.right_partner_id.gov_party_type,
            relation.right_partner_id.is_company,
            relation.right_partner_id.commercial_partner_id.is_company,
        )
    )
    count = len(doomed)
    doomed.unlink()
    return count


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    count = remove_automatic_citizen_knows(env)
    _logger.info("Removed %s automatic 'knows' relations with citizens", count)
