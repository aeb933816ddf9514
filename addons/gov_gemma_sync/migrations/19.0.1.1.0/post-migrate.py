"""One explicit default connection per API (issue 12).

Demo connections are archived so they never take part in a real set-up. Of
the remaining active connections, the one the module used so far (the first
by sequence and id) becomes the default of its API, so an upgrade changes
nothing about which connection is used; the list now shows it.
"""

from odoo import SUPERUSER_ID, api
from odoo.addons.gov_gemma_sync.models.gov_zgw_service_publication import (
    DEFAULT_CHANNELS,
    DEFAULT_PARTY_TYPES,
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
    Service = env["gov.zgw.service"]
    demo = env["ir.model.data"].search(
        [("module", "=", "gov_gemma_sync"), ("model", "=", "gov.zgw.service")]
    )
    Service.browse(demo.mapped("res_id")).exists().write(
        {"active": False, "is_default": False}
    )
    for api_type in ("zaken", "catalogi", "klantinteracties", "notificaties"):
        active = Service.with_context(active_test=True).search(
            [("api_type", "=", api_type)], order="sequence, id"
        )
        if active and not active.filtered("is_default"):
            active[:1].is_default = True
    # Existing Klantinteracties connections get the default selection of what
    # is published (mass sends and relations without identifier stay off).
    Option = env["gov.zgw.publish.option"]
    channels = Option.search(
        [("kind", "=", "channel"), ("code", "in", DEFAULT_CHANNELS)]
    )
    party_types = Option.search(
        [("kind", "=", "party_type"), ("code", "in", DEFAULT_PARTY_TYPES)]
    )
    for service in Service.search([("api_type", "=", "klantinteracties")]):
        if not service.publish_channel_ids:
            service.publish_channel_ids = channels
        if not service.publish_party_type_ids:
            service.publish_party_type_ids = party_types
