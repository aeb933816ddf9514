"""The load benchmark (bench/bench_load.py) cannot rot: a few seconds at five
agents against the test server, with nothing lost or duplicated."""

import subprocess
import sys

from conftest import ROOT


def test_load_benchmark_smoke(odoo_url, odoo_config, odoo_db):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "bench_load.py"),
            *("--config", odoo_config, "--db", odoo_db, "--url", odoo_url),
            "--smoke",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "5 agents" in result.stdout
    assert "lost 0, duplicated 0, duplicated knows 0" in result.stdout
    assert "1 one-box search" in result.stdout
