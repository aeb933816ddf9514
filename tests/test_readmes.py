"""Each addon's README.rst and Apps page (static/description/index.html) are generated
from its readme/ fragments by tools/gen_addon_readme.py, and kept up to date."""

import shutil
import subprocess
import sys
from pathlib import Path

from test_all_addons import GOV_ADDONS

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "tools" / "gen_addon_readme.py"


def _check(*args):
    return subprocess.run(
        [sys.executable, GENERATOR, "--check", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_every_addon_has_its_readme_its_apps_page_and_an_icon():
    for addon in GOV_ADDONS:
        addon_dir = ROOT / "addons" / addon
        for fragment in ("DESCRIPTION", "USAGE", "CONTRIBUTORS"):
            assert (addon_dir / "readme" / f"{fragment}.md").is_file(), addon
        readme = (addon_dir / "README.rst").read_text()
        assert "Table of contents" in readme, addon
        assert (addon_dir / "static/description/index.html").is_file(), addon
        assert (addon_dir / "static/description/icon.png").is_file(), addon


def test_generated_readmes_are_up_to_date_with_their_fragments():
    result = _check()
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_fails_when_a_fragment_changed(tmp_path):
    addon = "gov_addressbook_certification"
    shutil.copytree(ROOT / "addons" / addon, tmp_path / addon)
    usage = tmp_path / addon / "readme" / "USAGE.md"
    usage.write_text(usage.read_text() + "\nA sentence added after the last run.\n")
    result = _check("--addons-dir", str(tmp_path))
    assert result.returncode == 1
    assert f"{addon}/README.rst" in result.stdout
    assert f"{addon}/static/description/index.html" in result.stdout
