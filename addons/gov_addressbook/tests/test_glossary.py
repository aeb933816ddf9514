import os
import re

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_open
from odoo.tools.translate import TranslationModuleReader, translation_file_reader

# GLOSSARY.md's "avoid" column for Dutch screens: each is a word that misleads
# here (Uitzetten means eviction; a Loket request is a Vraag, never a Verzoek or
# Ticket; a link between relations is no Connectie) or a typo of Odoo's own Dutch.
AVOID = re.compile(
    r"(?<![\w-])(Uitzet\w*|uitzet\w*|uitgezet|Verzoek(en)?|verzoek(en)?|Ticket\w*|"
    r"ticket\w*|Connectie\w*|connectie\w*|Categorie|SLA|Deadline|deadline|Verlopen|"
    r"Dossier\w*|FAQ|Accountmanager|Terugbelnotitie\w*|Geannulleerd)(?![\w-])"
)
# Where "verzoek" is not a Loket request: an HTTP request, a privacy or
# subscriber's request (the word of the law and of the ZGW specifications).
ALLOWED = re.compile(r"(HTTP-|het |als |Privacy|privacy|inzage)verzoek|verzoek om ")
# Placeholders are code, not words: "%(deadline)s" is filled in with a date.
PLACEHOLDER = re.compile(r"%\(\w+\)s")
# Source strings that are code, not words (arguments the term extractor sees).
IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_.]*$")


@tagged("post_install", "-at_install")
class TestGlossary(TransactionCase):
    """Every term of our addons is Dutch, in the words of GLOSSARY.md."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.modules = (
            cls.env["ir.module.module"]
            .search([("state", "=", "installed"), ("name", "=like", "gov\\_%")])
            .mapped("name")
        )
        cls.env["res.lang"]._activate_lang("nl_NL")
        installed = cls.env["ir.module.module"].search([("state", "=", "installed")])
        # As a database in Dutch gets them: every module's terms, in load order.
        installed._update_translations(["nl_NL"])

    def _po_rows(self, module, folder="i18n"):
        path = f"{get_module_path(module)}/{folder}/nl.po"
        if folder != "i18n" and not os.path.exists(path):
            return []
        with file_open(path, mode="rb") as source:
            return list(translation_file_reader(source, fileformat="po"))

    def test_every_term_of_our_addons_has_a_dutch_translation(self):
        translated = {
            module: {row["src"] for row in self._po_rows(module) if row["value"]}
            for module in self.modules
        }
        reader = TranslationModuleReader(self.env.cr, modules=self.modules)
        missing = sorted(
            f"{module}: {source!r} ({name})"
            for module, _type, name, _res_id, source, _value, _comments in reader
            if source not in translated[module] and not IDENTIFIER.match(source)
        )
        self.assertFalse(
            missing, "Terms without Dutch translation:\n" + "\n".join(missing)
        )

    def test_no_avoided_word_in_our_dutch(self):
        found = []
        for module in self.modules:
            rows = self._po_rows(module) + self._po_rows(module, "i18n_extra")
            for row in rows:
                text = ALLOWED.sub("", PLACEHOLDER.sub("", row["value"] or ""))
                match = AVOID.search(text)
                if match:
                    found.append(f"{module}: {match.group(0)!r} in {row['value']!r}")
        self.assertFalse(found, "\n".join(found))

    def test_records_of_other_modules_on_our_screens_use_our_words(self):
        """Channels, stages and menus that modules under ours name in Dutch."""
        env = self.env(context={"lang": "nl_NL"})
        names = []
        for model in ("helpdesk.ticket.channel", "helpdesk.ticket.stage"):
            if model in env:
                names += (
                    env[model].with_context(active_test=False).search([]).mapped("name")
                )
        root = env.ref("gov_addressbook.gov_addressbook_menu_root")
        names += env["ir.ui.menu"].search([("id", "child_of", root.id)]).mapped("name")
        names += env["ir.ui.menu"].search([]).mapped("complete_name")
        found = sorted({name for name in names if AVOID.search(ALLOWED.sub("", name))})
        self.assertFalse(found, "Avoided words on screen: " + ", ".join(found))
        if "helpdesk.ticket.channel" in env:
            web = env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
            self.assertEqual(web.name, "Webformulier")
            cancelled = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
            self.assertEqual(cancelled.name, "Geannuleerd")
