from odoo import models


class BaseImportImport(models.TransientModel):
    _inherit = "base_import.import"

    def execute_import(self, fields, columns, options, dryrun=False):
        # Tell res.partner.load whether this is the "Test" run, so it reports
        # look-alike rows instead of flagging them.
        importer = self.with_context(gov_import_dryrun=dryrun)
        return super(BaseImportImport, importer).execute_import(
            fields, columns, options, dryrun=dryrun
        )
