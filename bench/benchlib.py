"""What every benchmark script shares: its own database and timing helpers."""

import contextlib
import statistics
import subprocess
import sys
import time


@contextlib.contextmanager
def bench_env(config, db, module):
    """Yield a superuser environment on ``db``, created with ``module`` if missing."""
    from odoo import api, tools  # noqa: PLC0415 - Odoo is imported only when needed
    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.sql_db import db_connect  # noqa: PLC0415

    tools.config.parse_config(["-c", config], setup_logging=False)
    with db_connect("postgres").cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        exists = cr.fetchone()
    if not exists:
        print(f"Creating database {db} with {module} (no demo data)", flush=True)
        subprocess.run(
            [
                *(sys.executable, "-m", "odoo", "-c", config, "-d", db),
                *("-i", module, "--stop-after-init", "--log-level=warn"),
            ],
            check=True,
        )
    elif any(
        _installed_version(db, name) != _code_version(name)
        for name in module.split(",")
    ):
        print(f"Upgrading {module} in {db} to the code's version", flush=True)
        subprocess.run(
            [
                *(sys.executable, "-m", "odoo", "-c", config, "-d", db),
                *("-u", module, "--stop-after-init", "--log-level=warn"),
            ],
            check=True,
        )
    with Registry(db).cursor() as cr:
        yield api.Environment(cr, api.SUPERUSER_ID, {})


def _installed_version(db, module):
    from odoo.sql_db import db_connect  # noqa: PLC0415

    with db_connect(db).cursor() as cr:
        cr.execute(
            "SELECT latest_version FROM ir_module_module WHERE name = %s", [module]
        )
        row = cr.fetchone()
    return row and row[0]


def _code_version(module):
    from odoo.modules.module import get_manifest  # noqa: PLC0415

    return get_manifest(module)["version"]


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def timed(func, items):
    """Call ``func`` on each item: (p50 ms, p95 ms, results)."""
    durations, results = [], []
    for item in items:
        started = time.perf_counter()
        results.append(func(item))
        durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(durations), percentile(durations, 95), results
