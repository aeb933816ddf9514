"""pytest-odoo on one addon (addons/pytest.ini): the project's Odoo configuration by
default, so ``pytest --odoo-database=DB addons/<name>`` is enough. Odoo reads ODOO_RC;
pytest-odoo starts Odoo when it is set. --odoo-config still wins."""

import os
from pathlib import Path

os.environ.setdefault(
    "ODOO_RC", str(Path(__file__).resolve().parent.parent / ".work" / "odoo.conf")
)
