"""Upgrading a database of the last release with the current code loses nothing.

A database with demo data is made from the addons of the newest release (the
last line of ``RELEASES``: its name and commit), as ``./gov run`` of that
release would leave it (addon checksums stored). Then it is upgraded the way
``./gov run`` does after ``git pull``: ``click-odoo-update`` upgrades the
addons whose files changed. Every record count stays equal or grows, and no
contact moment or processing-log line disappears.
"""

import fnmatch
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import psycopg2
import pytest
from psycopg2 import sql

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from run_tests import GOV_ADDONS, drop_db, read_config  # noqa: E402

VENV_BIN = Path(sys.executable).parent
# Records whose ids must all survive: what the public body must keep.
KEPT_MODELS = ["gov.contact.moment", "gov.processing.log", "res.partner"]
# Files click-odoo-update leaves out of an addon's checksum: tests and static
# files need no upgrade; the database has no other language than English here.
UNHASHED = ["*.pyc", "tests/*", "static/*", "i18n/*", "i18n_extra/*"]
UPDATING = re.compile(r"Updating addons for their hash changed: (\S+)\.")


def newest_release():
    """The last line of RELEASES: the newest release's name and commit."""
    lines = [
        line.split()
        for line in (ROOT / "RELEASES").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    name, commit = lines[-1]
    present = subprocess.run(
        ["git", "-C", str(ROOT), "cat-file", "-e", commit + "^{commit}"],
        capture_output=True,
        check=False,
    )
    if present.returncode:
        pytest.fail(
            f"Release {name} ({commit}) is not in this clone's history: the upgrade "
            "test starts from the last release. Clone without --depth and run again."
        )
    return name, commit


def export_addons(commit, target):
    """The release's addons/ folder, as git archive gives it."""
    archive = target / "release.tar"
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "-o", str(archive), commit, "addons"],
        check=True,
    )
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target / "addons"


def changed_addons(commit):
    """The gov addons whose checksummed files differ between ``commit`` and now."""
    names = subprocess.run(
        ["git", "-C", str(ROOT), "diff", "--name-only", commit, "--", "addons"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    untracked = subprocess.run(
        [
            "git",
            "-C",
            str(ROOT),
            "ls-files",
            "--others",
            "--exclude-standard",
            "addons",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    changed = set()
    for name in names + untracked:
        parts = name.split("/", 2)
        if len(parts) < 3:
            continue  # addons/conftest.py, addons/pytest.ini: no addon's files
        _, addon, inner = parts
        if not any(fnmatch.fnmatch(inner, pattern) for pattern in UNHASHED):
            changed.add(addon)
    return changed


class Database:
    def __init__(self, config, name):
        self.options = read_config(config)
        self.config = config
        self.name = name

    def connect(self):
        conn = psycopg2.connect(
            dbname=self.name,
            host=self.options["db_host"],
            port=self.options["db_port"],
            user=self.options["db_user"],
            password=self.options["db_password"],
        )
        conn.autocommit = True
        return conn

    def drop(self):
        drop_db(self.config, self.name)

    def run(self, command, log):
        with log.open("a") as out:
            result = subprocess.run(
                command, stdout=out, stderr=subprocess.STDOUT, check=False
            )
        text = log.read_text(errors="replace")
        assert result.returncode == 0, f"{command[0]} failed, see {log}"
        return text

    def snapshot(self):
        """Rows per model table, and the ids of the records that must survive."""
        conn = self.connect()
        counts, ids = {}, {}
        with conn.cursor() as cr:
            cr.execute("SELECT model FROM ir_model WHERE NOT transient ORDER BY model")
            for (model,) in cr.fetchall():
                table = model.replace(".", "_")
                cr.execute("SELECT to_regclass(%s)", [table])
                if cr.fetchone()[0] is None:
                    continue  # an abstract or SQL-view model without a table
                cr.execute(
                    sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
                )
                counts[model] = cr.fetchone()[0]
            for model in KEPT_MODELS:
                table = sql.Identifier(model.replace(".", "_"))
                cr.execute(sql.SQL("SELECT id FROM {}").format(table))
                ids[model] = {row[0] for row in cr.fetchall()}
        conn.close()
        return counts, ids


@pytest.fixture
def release_database(odoo_config):
    database = Database(odoo_config, "gov_upgrade_from_release")
    database.drop()
    yield database
    database.drop()


def test_upgrade_from_last_release_loses_nothing(odoo_config, release_database):
    name, commit = newest_release()
    db = release_database
    log = ROOT / ".work" / "test-logs" / "upgrade-from-release.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("")
    current_path = db.options["addons_path"]
    with tempfile.TemporaryDirectory() as tmp:
        old_addons = export_addons(commit, Path(tmp))
        old_path = current_path.replace(str(ROOT / "addons"), str(old_addons), 1)
        # An addon added since the release is not there to upgrade.
        released = [addon for addon in GOV_ADDONS if (old_addons / addon).is_dir()]
        assert old_path != current_path, "the configuration lacks our addons/"
        install = [
            *(sys.executable, str(ROOT / "tools" / "odoo-bin"), "-c", odoo_config),
            *(f"--addons-path={old_path}", "-d", db.name, "--with-demo"),
            *("-i", ",".join(released), "--stop-after-init", "--max-cron-threads=0"),
        ]
        db.run([*install, "--log-level=warn"], log)
        # What ./gov run of the release stores right after creating the database.
        update = [str(VENV_BIN / "click-odoo-update"), "-c", odoo_config, "-d", db.name]
        db.run([*update, f"--addons-path={old_path}", "--only-compute-hashes"], log)
    counts_before, ids_before = db.snapshot()
    assert ids_before["gov.contact.moment"], "the release's demo data has no moments"

    output = db.run(update, log)

    updated = set()
    for match in UPDATING.finditer(output):
        updated |= set(match.group(1).split(","))
    assert updated & set(released) == changed_addons(commit) & set(released), (
        "click-odoo-update must upgrade exactly the gov addons changed since " + name
    )
    counts_after, ids_after = db.snapshot()
    for model, ids in ids_before.items():
        lost = ids - ids_after[model]
        assert not lost, f"{len(lost)} {model} records lost by the upgrade: {lost}"
    fewer = {
        model: (count, counts_after.get(model, 0))
        for model, count in counts_before.items()
        if counts_after.get(model, 0) < count
    }
    assert not fewer, f"models with fewer records after the upgrade: {fewer}"
