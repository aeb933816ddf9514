"""The addons as an admin installs them the OCA way: ``pip install odoo-addon-<name>``.

``./gov build`` makes the wheels; a fresh virtual environment next to the Odoo tree gets
them with pip (nothing from an index: the gov wheels from ``dist/``, everything else
already present), and Odoo installs every gov addon from that environment, with the
repository's ``addons/`` folder off the addons path, and runs addons' tests there.
"""

import configparser
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import psycopg2
from test_all_addons import GOV_ADDONS

ROOT = Path(__file__).resolve().parent.parent
WHEEL_VENV = ROOT / ".work" / "wheel-venv"


def _run_tests_module():
    """tools/run_tests.py, for its database helpers (tools/ is no package)."""
    spec = importlib.util.spec_from_file_location(
        "run_tests", ROOT / "tools" / "run_tests.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fresh_venv():
    """A new venv that sees the project venv's packages (Odoo and its requirements,
    the OCA addons) the way --system-site-packages would show a system's: through
    site.addsitedir, so their .pth files (the Odoo tree) count too."""
    shutil.rmtree(WHEEL_VENV, ignore_errors=True)
    subprocess.run(
        [sys._base_executable, "-m", "venv", str(WHEEL_VENV)], check=True, timeout=120
    )
    python = WHEEL_VENV / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    project_site = sysconfig.get_paths()["purelib"]
    Path(purelib, "zz_project_venv.pth").write_text(
        f"import site; site.addsitedir({project_site!r})\n"
    )
    return python, Path(purelib)


def _wheel_config(odoo_config, wheel_addons, tmp_path):
    """The project's odoo.conf with the wheels' addons folder instead of addons/."""
    parser = configparser.ConfigParser()
    parser.read(odoo_config)
    options = parser["options"]
    paths = [
        path
        for path in options["addons_path"].split(",")
        if Path(path).resolve() != (ROOT / "addons").resolve()
    ]
    options["addons_path"] = ",".join([str(wheel_addons), *paths])
    path = tmp_path / "odoo-wheels.conf"
    with path.open("w") as conf:
        parser.write(conf)
    return path, options


def test_addons_install_from_their_wheels(odoo_config, odoo_db, tmp_path):
    # The test command runs one addon's tests from the wheels, so the way cannot
    # rot; GOV_WHEEL_TESTS=all (or a comma-separated list) runs every addon's.
    chosen = os.environ.get("GOV_WHEEL_TESTS", "gov_addressbook_certification")
    tested = GOV_ADDONS if chosen == "all" else chosen.split(",")
    subprocess.run([ROOT / "gov", "build"], check=True, timeout=300)
    wheels = sorted((ROOT / "dist").glob("odoo_addon_gov_*.whl"))
    assert [w.name.split("-")[0] for w in wheels] == sorted(
        f"odoo_addon_{addon}" for addon in GOV_ADDONS
    )

    python, purelib = _fresh_venv()
    subprocess.run(
        [
            *(python, "-m", "pip", "install", "-q", "--no-index"),
            *("--find-links", ROOT / "dist"),
            *(f"odoo-addon-{addon}" for addon in GOV_ADDONS),
        ],
        check=True,
        timeout=300,
    )
    wheel_addons = purelib / "odoo" / "addons"
    assert sorted(p.name for p in wheel_addons.glob("gov_*")) == sorted(GOV_ADDONS)

    config, options = _wheel_config(odoo_config, wheel_addons, tmp_path)
    run_tests = _run_tests_module()
    db = f"{odoo_db}_wheels"
    run_tests.drop_db(str(config), db)
    try:
        install = subprocess.run(
            [
                *(python, ROOT / "tools" / "odoo-bin", "-c", config, "-d", db),
                *("-i", ",".join(GOV_ADDONS), "--stop-after-init", "--log-level=warn"),
                *(f"--http-port={run_tests.free_port()}", "--max-cron-threads=0"),
                *(f"--gevent-port={run_tests.free_port()}", "--test-enable"),
                "--test-tags=" + ",".join(f"/{addon}" for addon in tested),
                "--log-handler=odoo.tests.result:INFO",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=900 if len(tested) == 1 else 5400,
            check=False,
            env={**os.environ, "PYTHONPATH": ""},
        )
        log = ROOT / ".work" / "test-logs" / "wheels.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(install.stdout, encoding="utf-8")
        # What failed, not only the end of the log (the whole log: wheels.log).
        problems = "\n".join(
            line[:400]
            for line in install.stdout.splitlines()
            if " ERROR " in line or " CRITICAL " in line or "FAIL:" in line
        )[-6000:]
        assert install.returncode == 0, f"{problems}\n(whole log: {log})"
        assert " ERROR " not in install.stdout, f"{problems}\n(whole log: {log})"
        results = run_tests.RESULT_LINE.findall(install.stdout)
        assert results, "no test ran from the wheels: " + install.stdout[-3000:]
        failed, errors, total = (int(n) for n in results[-1])
        assert (failed, errors) == (0, 0) and total > 0, results[-1]
        conn = psycopg2.connect(
            dbname=db,
            host=options["db_host"],
            port=options["db_port"],
            user=options["db_user"],
            password=options["db_password"],
        )
        with conn, conn.cursor() as cr:
            cr.execute(
                "SELECT name, state FROM ir_module_module WHERE name = ANY(%s)",
                [GOV_ADDONS],
            )
            states = dict(cr.fetchall())
        conn.close()
        assert states == dict.fromkeys(GOV_ADDONS, "installed")
        # Odoo found the addons in the wheel venv, never in the repository's addons/.
        where = subprocess.run(
            [python, "-c", "import odoo.addons.gov_loket as m; print(m.__file__)"],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp_path,
        ).stdout
        assert where.startswith(str(wheel_addons)), where
        # The wheel carries the generated README.rst and the icon the Apps screen shows.
        for addon in GOV_ADDONS:
            assert (wheel_addons / addon / "README.rst").is_file(), addon
            assert (wheel_addons / addon / "static/description/icon.png").is_file(), (
                addon
            )
    finally:
        run_tests.drop_db(str(config), db)
