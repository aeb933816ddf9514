"""Bring an addon's Dutch .po file in line with a freshly exported .pot.

Usage: tools/i18n_merge.py TEMPLATE.pot ADDON/i18n/nl.po [NEW.json]

Every term of the template keeps its existing translation; NEW.json (msgid to
msgstr) fills new terms. Terms no longer in the template are dropped, and the
terms still without a translation are printed, so the exit status is 1 until
everything is translated. Export the template with
``./gov odoo i18n export -d DB -l pot -o TEMPLATE.pot ADDON``.
"""

import json
import sys

import polib


def main(template_path, po_path, new_path=None):
    template = polib.pofile(template_path)
    current = polib.pofile(po_path)
    known = {entry.msgid: entry.msgstr for entry in current if entry.msgstr}
    if new_path:
        with open(new_path, encoding="utf-8") as new_file:
            known.update(json.load(new_file))
    merged = polib.POFile(wrapwidth=78)
    merged.header = current.header
    merged.metadata = current.metadata
    missing = []
    for entry in template:
        entry.msgstr = known.get(entry.msgid, "")
        if not entry.msgstr:
            missing.append(entry.msgid)
        merged.append(entry)
    merged.save(po_path)
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
