"""Fixtures for cross-addon tests: a real Odoo server on the all-addons test database.

run_tests.py sets GOV_ODOO_CONFIG and GOV_TEST_DB (all gov addons installed).
"""

import os
import socket
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def odoo_config():
    config = os.environ.get("GOV_ODOO_CONFIG")
    if not config:
        pytest.fail("Run these tests through ./gov test (GOV_ODOO_CONFIG is not set).")
    return config


@pytest.fixture(scope="session")
def odoo_db():
    return os.environ.get("GOV_TEST_DB", "gov_test_all")


@pytest.fixture(scope="session")
def odoo_url(odoo_config, odoo_db):
    port = _free_port()
    log = open(ROOT / ".work" / "test-logs" / "pytest-server.log", "w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            odoo_config,
            "-d",
            odoo_db,
            f"--db-filter=^{odoo_db}$",
            f"--http-port={port}",
            f"--gevent-port={_free_port()}",
            "--max-cron-threads=0",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/web/health", timeout=2).status_code == 200:
                break
        except requests.RequestException:  # not listening yet, or still busy
            time.sleep(0.5)
    else:
        server.terminate()
        pytest.fail("Odoo did not answer on /web/health within 90 s.")
    yield url
    server.terminate()
    server.wait(timeout=30)
    log.close()


@pytest.fixture(scope="session")
def admin_api_key(odoo_config, odoo_db):
    """An API key for the admin user, made the way Preferences > New API Key does."""
    from odoo import api, tools  # noqa: PLC0415 - Odoo is imported only when needed
    from odoo.modules.registry import Registry  # noqa: PLC0415

    tools.config.parse_config(["-c", odoo_config], setup_logging=False)
    with Registry(odoo_db).cursor() as cr:
        env = api.Environment(cr, api.SUPERUSER_ID, {})
        admin = env.ref("base.user_admin")
        return (
            env["res.users.apikeys"]
            .with_user(admin)
            ._generate("rpc", "integrator tests", datetime.now() + timedelta(days=1))
        )


def run_example(name, **env):
    """Run one of the README's examples/ scripts and return its output."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / name)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout
