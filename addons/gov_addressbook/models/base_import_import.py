from odoo import models


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        # Tell res.partner.load whether this is the "Test" run, so it reports
        # look-alike rows instead of flagging them,
        # and where this batch starts in the file, so the rows it reports carry
        # the numbers of the file (header = row 1), not of the batch.
        first_row = (options.get("skip") or 0) + (
            2 if options.get("has_headers") else 1
        )
        importer = self.with_context(
            gov_import_dryrun=dryrun, gov_import_first_row=first_row
        )
        return super(BaseImportImport, importer).execute_import(
            fields, columns, options, dryrun=dryrun
        )
