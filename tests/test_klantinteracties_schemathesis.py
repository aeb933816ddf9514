"""Schemathesis against the Klantinteracties API, as its own clients call it (issue 14).

Every operation of the collections Odoo serves (bench_klantinteracties_fuzz.SERVED,
49 operations) is called with generated valid and invalid requests (fuzzing phase),
then along the links between resources Schemathesis infers from the Location headers
and response bodies (stateful phase), with a KCC application's token. Every answer
must be free of 5xx and conform to the Klantinteracties 0.9.0 OAS (the checks in
bench_klantinteracties_fuzz.CHECKS; status_code_conformance is not among them: the
OAS declares no error answers at all, while Open Klant 2.18.0 answers
400/401/404/405/406/415 with a ZGW Fout body, OPENKLANT-BEHAVIOUR.md "Errors"). The
three places where Open Klant's answers themselves differ from its OAS are put right
in the copy of the OAS Schemathesis reads (bench_klantinteracties_fuzz.fuzz_spec).

A short run with a fixed seed (about a minute and a half on two cores); ./gov bench
runs the long one with the coverage phase and many more examples
(bench/bench_klantinteracties_fuzz.py).
"""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import bench_klantinteracties_fuzz as fuzz

MAX_EXAMPLES = 25
SEED = 14


def _api_key(odoo_config, odoo_db):
    """A key of the fuzzing application, made and committed in this process the
    way an administrator does (the server sees it at once)."""
    from odoo import api, tools  # noqa: PLC0415 - Odoo is imported only when needed
    from odoo.modules.registry import Registry  # noqa: PLC0415

    tools.config.parse_config(["-c", odoo_config], setup_logging=False)
    with Registry(odoo_db).cursor() as cr:
        return fuzz.api_key(api.Environment(cr, api.SUPERUSER_ID, {}))


def test_schemathesis_finds_nothing(odoo_config, odoo_db, odoo_url, tmp_path):
    assert fuzz.SCHEMATHESIS.exists(), (
        f"{fuzz.SCHEMATHESIS} is missing: ./gov setup installs it"
        " (requirements/schemathesis.txt)."
    )
    key = _api_key(odoo_config, odoo_db)
    code, report = fuzz.run(
        odoo_url,
        key,
        tmp_path,
        MAX_EXAMPLES,
        SEED,
        workers=2,
        phases="examples,fuzzing,stateful",
        timeout=600,
    )
    assert code == 0, report
    # Every served operation was tested, and the stateful phase followed links
    # between resources (create a klantcontact, then read, change, delete it, ...).
    assert f"Tested: {fuzz.OPERATIONS}" in report, report
    assert "✅ Stateful" in report, report
    links = fuzz.LINKS.search(report)
    assert links and int(links.group(1)) > 0, report
    print(report)  # the figures (operations, links, test cases) in pytest -s
