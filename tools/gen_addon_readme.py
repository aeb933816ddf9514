"""Each addon's README.rst and static/description/index.html from its readme/ fragments.

The layout is OCA's (title, badges, description, table of contents, Configuration,
Usage, Changelog, Bug Tracker, Credits with Authors, Contributors and Maintainers), so
the Apps screen, PyPI and a reader of the repository see the same text. Fragments are
Markdown (readme/DESCRIPTION.md, CONFIGURE.md, USAGE.md, HISTORY.md, CONTRIBUTORS.md, as
OCA writes them since 17.0); pandoc (pinned through pypandoc-binary) turns them into
reStructuredText, docutils renders the HTML page.

    python tools/gen_addon_readme.py            # write the files of every addon
    python tools/gen_addon_readme.py --check    # exit 1 if any file is out of date
"""

import argparse
import ast
import json
import sys
from pathlib import Path

import pypandoc
from docutils.core import publish_string
from jinja2 import Template

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
TEMPLATE = Path(__file__).with_name("gen_addon_readme.rst.jinja")
# (fragment, section title), in the order of the README.
FRAGMENTS = [
    ("DESCRIPTION", None),
    ("CONFIGURE", "Configuration"),
    ("USAGE", "Usage"),
    ("HISTORY", "Changelog"),
    ("CONTRIBUTORS", "Contributors"),
]
BADGES = {
    "Beta": "https://img.shields.io/badge/maturity-Beta-yellow.png",
    "Production/Stable": "https://img.shields.io/badge/maturity-Production%2FStable-green.png",
    "AGPL-3": "https://img.shields.io/badge/licence-AGPL--3-blue.png",
    "LGPL-3": "https://img.shields.io/badge/licence-LGPL--3-blue.png",
}
# The Apps screen of an Odoo without internet (a public body's network) cannot load
# those: its page shows the same badges as small SVG files of the addon itself
# (Odoo serves the page's relative images from static/description/).
BADGE_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="20" role="img" \
aria-label="{label}: {value}">
<rect width="{left}" height="20" fill="#555"/>
<rect x="{left}" width="{right}" height="20" fill="{colour}"/>
<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="6" y="14">{label}</text><text x="{value_x}" y="14">{value}</text>
</g>
</svg>
"""
BADGE_COLOURS = {"Beta": "#dfb317", "Production/Stable": "#4c1"}


def badge_svg(label, value):
    """A shields-like badge; widths estimated from the text (7 px a character)."""
    left, right = 12 + 7 * len(label), 12 + 7 * len(value)
    return BADGE_SVG.format(
        width=left + right,
        left=left,
        right=right,
        value_x=left + 6,
        label=label,
        value=value,
        colour=BADGE_COLOURS.get(value, "#007ec6"),
    )


# As pypa/readme_renderer: no file inclusion, no raw HTML; stop on warnings, so a
# broken fragment fails the check instead of rendering half.
HTML_SETTINGS = {
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "halt_level": 2,
    "report_level": 2,
    "smart_quotes": True,
    "syntax_highlight": "none",  # no Pygments needed; the page shows plain code
    "output_encoding": "unicode",
    # No stylesheet: the Apps screen shows the page with Odoo's own styles.
    "stylesheet_path": "",
    "embed_stylesheet": False,
}


def fragment_rst(path):
    """A fragment as reStructuredText (a .rst fragment as written).

    A fragment's own headings become subsections of the README's section, whatever
    level the fragment starts at (## or ###), so every README has one title order.
    """
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        blocks = json.loads(pypandoc.convert_text(text, "json", format="gfm"))
        levels = [b["c"][0] for b in blocks["blocks"] if b["t"] == "Header"]
        shift = 2 - min(levels) if levels else 0
        text = pypandoc.convert_text(
            text,
            "rst",
            format="gfm",
            extra_args=["--columns=88", f"--shift-heading-level-by={shift}"],
        )
    return text.strip() + "\n"


def read_fragments(addon_dir):
    fragments = {}
    for name, _title in FRAGMENTS:
        for suffix in (".md", ".rst"):
            path = addon_dir / "readme" / f"{name}{suffix}"
            if path.is_file() and path.read_text(encoding="utf-8").strip():
                fragments[name] = fragment_rst(path)
                break
    return fragments


def read_manifest(addon_dir):
    return ast.literal_eval((addon_dir / "__manifest__.py").read_text())


def badge_list(manifest):
    """[(file name, label, value, alt)] of the addon's maturity and licence."""
    status = manifest.get("development_status", "Beta")
    license_ = manifest.get("license", "AGPL-3")
    return [
        ("badge_maturity.svg", "maturity", status, status),
        ("badge_licence.svg", "licence", license_, f"License: {license_}"),
    ]


def render_readme(addon_dir, local_badges=False):
    """The README; with local_badges, its badges are the addon's own SVG files."""
    manifest = read_manifest(addon_dir)
    badges = [
        (file_name if local_badges else BADGES[value], alt)
        for file_name, _label, value, alt in badge_list(manifest)
        if local_badges or value in BADGES
    ]
    template = Template(
        TEMPLATE.read_text(encoding="utf-8"), keep_trailing_newline=True
    )
    return template.render(
        addon_name=addon_dir.name,
        manifest=manifest,
        badges=badges,
        fragments=read_fragments(addon_dir),
        sections=[(n, t) for n, t in FRAGMENTS if t and n != "CONTRIBUTORS"],
        authors=[a.strip() for a in manifest.get("author", "").split(",") if a.strip()],
    )


def render_index(readme):
    html = publish_string(readme, writer_name="html5", settings_overrides=HTML_SETTINGS)
    # The docutils version in the page would make every upgrade a README change.
    return (
        "\n".join(line for line in html.splitlines() if 'name="generator"' not in line)
        + "\n"
    )


def outputs(addon_dir):
    """{path: content} of the generated files of one addon."""
    description = addon_dir / "static" / "description"
    files = {
        addon_dir / "README.rst": render_readme(addon_dir),
        description / "index.html": render_index(
            render_readme(addon_dir, local_badges=True)
        ),
    }
    for file_name, label, value, _alt in badge_list(read_manifest(addon_dir)):
        files[description / file_name] = badge_svg(label, value)
    return files


def addon_dirs(addons_dir, names):
    if names:
        return [addons_dir / name for name in names]
    return sorted({p.parent.parent for p in addons_dir.glob("*/readme/DESCRIPTION.*")})


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("addons", nargs="*", help="addon names (default: all)")
    parser.add_argument(
        "--addons-dir", type=Path, default=ADDONS, help="default: the repository's"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; fail if out of date"
    )
    args = parser.parse_args()
    stale = []
    for addon_dir in addon_dirs(args.addons_dir, args.addons):
        for path, content in outputs(addon_dir).items():
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current == content:
                continue
            stale.append(path.relative_to(args.addons_dir.parent))
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(content, encoding="utf-8")
    if args.check and stale:
        print(
            "Out of date with readme/; run "
            ".work/venv/bin/python tools/gen_addon_readme.py:"
        )
        for path in stale:
            print(f"  {path}")
        sys.exit(1)
    for path in [] if args.check else stale:
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
