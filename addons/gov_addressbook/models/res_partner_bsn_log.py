from odoo import api, models
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.http import request

from ..server_context import server_flag, server_flags

BSN_FIELD = "bsn"
# Routes of the web client: there the method tells the screen (form, list).
WEB_CLIENT_PATHS = ("/web/dataset/call_kw", "/web/dataset/call_button")


def _screen_or_rpc(screen):
    """The origin the server can vouch for: the web client's ``screen`` when
    the call came through the web client's routes, "rpc" for everything else
    (XML-RPC and JSON-RPC run without a request object, JSON-2 on its own
    route, scripts and server code call the ORM directly)."""
    try:
        path = request.httprequest.path
    except (RuntimeError, AttributeError):  # no HTTP request bound
        return "rpc"
    return screen if path.startswith(WEB_CLIENT_PATHS) else "rpc"


class ResPartner(models.Model):
    """Log every read and search of the BSN by a person (verwerkingenlogging),
    and refuse the read paths that would return BSNs in bulk unlogged.

    Reads by the superuser and internal ``sudo()`` reads (uniqueness checks,
    privacy tools that log themselves) are not logged. Purpose and origin are
    what the server knows, never what the caller's context claims: the origin
    follows from the method and the route it was called through, the purpose
    is "relation management" unless server code says otherwise with
    ``server_flags(gov_processing_purpose=...)``.
    """

    _inherit = "res.partner"

    def _gov_log_bsn(self, activity, field_names, origin=None):
        if self.env.su:
            return
        origin = origin or server_flag("gov_processing_origin", "rpc")
        subjects = self._origin.filtered("id")
        self.env["gov.processing.log"]._log_processing(
            subjects, activity, field_names, origin
        )

    def _read_format(self, fnames, load="_classic_read"):
        result = super()._read_format(fnames, load=load)
        if BSN_FIELD in fnames and result and not self.env.su:
            read_ids = [vals["id"] for vals in result]
            self.browse(read_ids)._gov_log_bsn("read_bsn", [BSN_FIELD])
        return result

    def web_read(self, specification):
        origin = server_flag("gov_processing_origin") or _screen_or_rpc("form")
        with server_flags(gov_processing_origin=origin):
            return super().web_read(specification)

    @api.model
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        with server_flags(gov_processing_origin=_screen_or_rpc("list")):
            return super().web_search_read(
                domain,
                specification,
                offset=offset,
                limit=limit,
                order=order,
                count_limit=count_limit,
            )

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        # Called for the exported partners and, recursively, for partners
        # reached through a relation (e.g. "partner_id/bsn" on contact moments).
        rows = super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)
        if not self.env.su and any(path and path[0] == BSN_FIELD for path in fields):
            self._gov_log_bsn("export", [BSN_FIELD], origin="export")
        return rows

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        query = super()._search(
            domain, offset=offset, limit=limit, order=order, **kwargs
        )
        if not self.env.su and self._gov_domain_uses_bsn(domain):
            # Materialising the query tells us the data subjects (one extra
            # query, only for searches on the BSN by a person).
            found = self.browse(query.get_result_ids())
            found._gov_log_bsn("search_bsn", [BSN_FIELD], origin="search")
        return query

    @api.model
    def _gov_domain_uses_bsn(self, domain):
        if not domain:
            return False
        return any(
            BSN_FIELD in condition.field_expr.split(".")
            for condition in Domain(domain).iter_conditions()
        )

    # Grouping and aggregating return BSNs per group, in bulk and without a
    # record read to log: refused for people. This covers every grouped read
    # path (read_group, formatted_read_group, web_read_group, read_progress_bar,
    # "partner_id.bsn" groupings from other models, aggregates and HAVING).

    def _read_group_groupby(self, alias, groupby_spec, query):
        self._gov_refuse_bsn_grouping(groupby_spec)
        return super()._read_group_groupby(alias, groupby_spec, query)

    def _read_group_select(self, aggregate_spec, query):
        self._gov_refuse_bsn_grouping(aggregate_spec)
        return super()._read_group_select(aggregate_spec, query)

    def _gov_refuse_bsn_grouping(self, spec):
        if self.env.su or spec.split(":")[0].split(".")[0] != BSN_FIELD:
            return
        raise AccessError(
            self.env._(
                "Relations cannot be grouped or totalled by BSN: a BSN is read one "
                "relation at a time, and every read is logged."
            )
        )
