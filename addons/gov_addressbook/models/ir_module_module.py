from odoo import api, models
from odoo.tools.misc import file_open
from odoo.tools.translate import (
    TranslationImporter,
    get_po_paths,
    translation_file_reader,
)


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _load_module_terms(self, modules, langs, overwrite=False):
        """Our addons' words for records of other modules win (GLOSSARY.md).

        A gov addon's ``.po`` may translate records of the modules it builds
        on (helpdesk_mgmt's channels and stages, partner_multi_relation's
        menus) in the product's words, in ``i18n_extra/<lang>.po`` (``i18n/``
        holds the addon's own terms, kept in line with its ``.pot``). Odoo
        keeps a translation that exists already, and those modules load theirs
        first, so those files are loaded once more, overwriting.
        """
        result = super()._load_module_terms(modules, langs, overwrite=overwrite)
        for module in modules:
            if not module.startswith("gov_"):
                continue
            for lang in langs:
                if lang == "en_US":
                    continue
                for po_path in get_po_paths(module, lang):
                    if "/i18n_extra/" not in po_path:
                        continue
                    foreign = self._gov_foreign_xmlids(po_path, module)
                    if not foreign:
                        continue
                    importer = TranslationImporter(self.env.cr, verbose=False)
                    importer.load_file(po_path, lang, xmlids=foreign)
                    importer.save(overwrite=True, force_overwrite=True)
        return result

    @api.model
    def _gov_foreign_xmlids(self, po_path, module):
        """The xml ids of other modules' records that ``po_path`` translates."""
        with file_open(po_path, mode="rb", env=self.env) as source:
            return {
                f"{row['module']}.{row['imd_name']}"
                for row in translation_file_reader(source, fileformat="po")
                if row.get("type") in ("model", "model_terms")
                and row.get("module") != module
            }
