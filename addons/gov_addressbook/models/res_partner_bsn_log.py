from odoo import api, models
from odoo.fields import Domain

BSN_FIELD = "bsn"


class ResPartner(models.Model):
    """Log every read and search of the BSN by a person (verwerkingenlogging).

    Reads by the superuser and internal ``sudo()`` reads (uniqueness checks,
    privacy tools that log themselves) are not logged. The purpose comes from
    the context key ``gov_processing_purpose``; the origin is set by the entry
    point (form, list, export) and is "rpc" otherwise.
    """

    _inherit = "res.partner"

    def _gov_log_bsn(self, activity, field_names, origin=None):
        if self.env.su:
            return
        origin = origin or self.env.context.get("gov_processing_origin", "rpc")
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
        origin = self.env.context.get("gov_processing_origin", "form")
        return super(
            ResPartner, self.with_context(gov_processing_origin=origin)
        ).web_read(specification)

    @api.model
    def web_search_read(
        self, domain, specification, offset=0, limit=None, order=None, count_limit=None
    ):
        return super(
            ResPartner, self.with_context(gov_processing_origin="list")
        ).web_search_read(
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
