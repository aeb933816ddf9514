"""Long fuzzing run of the Klantinteracties API with Schemathesis (issue 14).

Schemathesis (pinned in requirements/schemathesis.txt, in its own virtual
environment .work/schemathesis-venv made by ./gov setup) reads the Klantinteracties
0.9.0 OAS and calls every operation of the collections Odoo serves (SERVED) the way
the API's own clients would, with a KCC application's token (address book + Loket
rights, BSN access): generated valid and invalid requests (coverage and fuzzing
phases), then chains of calls along the links between resources it infers from the
``Location`` headers and response bodies (stateful phase: create a partij, read,
change and delete it, hang a digitaal adres or identificator under it, ...). Every
answer is checked: no 5xx, and each answer conforms to the OAS (CHECKS).

The test command runs the same with a few examples per operation
(tests/test_klantinteracties_schemathesis.py); this script runs many more
(``--max-examples``, default 200 per operation; with 100, 12,916 calls took
386 s on two shared cores) with a random seed it prints, so that a failure can be
replayed with ``--seed``. It uses its own database ``gov_bench_ki_fuzz``
(gov_klantinteracties, no demo data; created once, reused) and starts Odoo on a
free port. Schemathesis'
report (and a JUnit file) land in .work/bench-ki-fuzz/.

Usage: ./gov bench  (or: .work/venv/bin/python bench/bench_klantinteracties_fuzz.py
--config .work/odoo.conf [--max-examples N] [--seed N] [--workers N] [--db DB])
"""

import argparse
import copy
import os
import random
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
VENV_SCHEMATHESIS = ROOT / ".work" / "schemathesis-venv" / "bin" / "schemathesis"
SCHEMATHESIS = Path(os.environ.get("GOV_SCHEMATHESIS", VENV_SCHEMATHESIS))
SPEC = (
    ROOT
    / "addons"
    / "gov_klantinteracties"
    / "api"
    / "spec"
    / "klantinteracties-api-0.9.0-openklant-2.18.0.yaml"
)
API_ROOT = "/klantinteracties/api/v1"
DB = "gov_bench_ki_fuzz"
MODULES = "gov_klantinteracties"
# The collections Odoo serves; bijlagen, categorieen, categorie-relaties,
# rekeningnummers, vertegenwoordigingen and actorklantcontacten are not served on
# purpose (404), so their operations are left out.
SERVED = (
    "partijen",
    "partij-identificatoren",
    "digitaleadressen",
    "klantcontacten",
    "betrokkenen",
    "onderwerpobjecten",
    "actoren",
    "internetaken",
    "maak-klantcontact",
)
INCLUDE = "^/({})(/|$)".format("|".join(SERVED))
# list, create, read, put, patch, delete of 8 collections, and maak-klantcontact.
OPERATIONS = 49
LINKS = re.compile(r"API Links:\s+(\d+) covered / (\d+) selected")
# What holds for Open Klant 2.18.0, hence for us:
# - not_a_server_error: no 5xx, whatever is sent;
# - response_schema_conformance: a declared answer (2xx) has the OAS's body;
# - content_type_conformance, response_headers_conformance: application/json and
#   the API-version header the OAS declares;
# - use_after_free, ensure_resource_availability: a deleted resource is gone (404),
#   a created one can be read back (stateful phase);
# - ignored_auth: without a token, 401 (never the data).
# Left out: status_code_conformance cannot hold, because the OAS declares no error
# answers at all while Open Klant answers 400/401/404/405/406/415
# (OPENKLANT-BEHAVIOUR.md, "Errors"); positive_data_acceptance neither, because
# Open Klant refuses data the OAS allows (BSN 11-test, unique identificatoren,
# references to unknown uuids); negative_data_rejection neither, because Open Klant
# ignores some invalid values (a boolean filter "maybe", pageSize=0).
CHECKS = (
    "not_a_server_error",
    "response_schema_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "use_after_free",
    "ensure_resource_availability",
    "ignored_auth",
)
# All of Schemathesis' phases; the coverage phase (every boundary and missing field
# of every operation, some 6,500 calls whatever --max-examples says) takes minutes,
# so the test command leaves it to this long run.
PHASES = "examples,coverage,fuzzing,stateful"
# Whom the runs call the API as: a KCC application (address book + Loket, BSN).
LOGIN = "schemathesis_kcc"
GROUPS = ("gov_loket.group_front_desk", "gov_addressbook.group_bsn_access")


def fuzz_spec(target):
    """Write the OAS as Schemathesis must read it to judge Open Klant's answers,
    and return its path. Three changes, each what Open Klant 2.18.0 itself does:

    1. ``oneOf`` with a ``discriminator`` (Partij by soortPartij, Actor by
       soortActor): OpenAPI picks the alternative by the discriminator, JSON Schema
       (which Schemathesis validates with) does not, and a partij or actor is valid
       under several alternatives ("valid under more than one of the schemas").
       Each alternative gets the discriminator value it is mapped to, so exactly one
       matches, as the discriminator means.
    2. Klantcontact.hoofdOnderwerpType is ``""`` when none was given (Open Klant's
       default, OPENKLANT-BEHAVIOUR.md "Klantcontacten"), not a URI.
    3. maak-klantcontact answers ``null`` for the betrokkene and onderwerpobject
       that were not sent (OPENKLANT-BEHAVIOUR.md): only the answer's schema
       allows that null; the request's stays as it is.
    """
    document = yaml.safe_load(SPEC.read_text())
    schemas = document["components"]["schemas"]
    for schema in schemas.values():
        discriminator = schema.get("discriminator")
        if not (discriminator and "oneOf" in schema):
            continue
        prop = discriminator["propertyName"]
        by_ref = {ref: value for value, ref in discriminator["mapping"].items()}
        schema["oneOf"] = [
            {
                "allOf": [
                    {
                        "type": "object",
                        "properties": {prop: {"enum": [by_ref[choice["$ref"]]]}},
                        "required": [prop],
                    },
                    choice,
                ]
            }
            for choice in schema["oneOf"]
        ]
        del schema["discriminator"]
    field = schemas["Klantcontact"]["properties"]["hoofdOnderwerpType"]
    field["anyOf"] = [{"format": "uri"}, {"maxLength": 0}]
    del field["format"]
    answer = copy.deepcopy(schemas["MaakKlantcontact"])
    for part in ("betrokkene", "onderwerpobject"):
        answer["properties"][part] = {
            "allOf": [answer["properties"][part]],
            "nullable": True,
        }
    schemas["MaakKlantcontactAntwoord"] = answer
    created = document["paths"]["/maak-klantcontact"]["post"]["responses"]["201"]
    created["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/MaakKlantcontactAntwoord"
    }
    target = Path(target)
    target.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    return target


def api_key(env):
    """A new key of the fuzzing application (made on first use) whose user has
    address book + Loket rights and BSN access. The caller commits."""
    groups = [env.ref(xmlid).id for xmlid in GROUPS]
    Users = env["res.users"].with_context(active_test=False, no_reset_password=True)
    user = Users.search([("login", "=", LOGIN)])
    if not user:
        user = Users.create(
            {
                "name": "Schemathesis (KCC)",
                "login": LOGIN,
                "email": "schemathesis@example.org",
                "group_ids": [(6, 0, groups)],
            }
        )
    Application = env["gov.ki.application"].with_context(active_test=False)
    application = Application.search([("user_id", "=", user.id)], limit=1)
    if not application:
        application = Application.create({"name": "Schemathesis", "user_id": user.id})
    return application.action_new_token()["context"]["default_api_key"]


def command(url, key, spec, report_dir, max_examples, seed, workers=1, phases=PHASES):
    """The schemathesis command line for one run against ``url`` (Odoo's root)."""
    return [
        str(SCHEMATHESIS),
        "--no-color",
        "run",
        str(spec),
        f"--url={url.rstrip('/')}{API_ROOT}",
        f"--header=Authorization: Token {key}",
        f"--include-path-regex={INCLUDE}",
        f"--checks={','.join(CHECKS)}",
        f"--phases={phases}",
        f"--max-examples={max_examples}",
        f"--seed={seed}",
        f"--workers={workers}",
        "--generation-database=none",
        "--request-timeout=60",
        "--report=junit",
        f"--report-dir={report_dir}",
    ]


def run(
    url, key, report_dir, max_examples, seed, workers=1, phases=PHASES, timeout=None
):
    """Run Schemathesis; (exit code, its report as printed)."""
    report_dir = Path(report_dir)
    report_dir.mkdir(parents=True, exist_ok=True)
    spec = fuzz_spec(report_dir / "klantinteracties-fuzz.yaml")
    done = subprocess.run(
        command(url, key, spec, report_dir, max_examples, seed, workers, phases),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=report_dir,
        env=dict(os.environ, SCHEMATHESIS_TELEMETRY="false"),
    )
    return done.returncode, done.stdout + done.stderr


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", required=True)
    parser.add_argument("--max-examples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=random.randrange(2**31))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", default=DB)
    args = parser.parse_args()
    if not SCHEMATHESIS.exists():
        sys.exit(f"{SCHEMATHESIS} is missing: run ./gov setup first.")
    sys.path.insert(0, str(ROOT / "bench"))
    from benchlib import bench_env  # noqa: PLC0415

    with bench_env(args.config, args.db, MODULES) as env:
        key = api_key(env)
        env.cr.commit()
    port = _free_port()
    report_dir = ROOT / ".work" / "bench-ki-fuzz"
    report_dir.mkdir(parents=True, exist_ok=True)
    with (report_dir / "server.log").open("w") as log:
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "odoo", "-c", args.config, "-d", args.db),
                *(f"--db-filter=^{args.db}$", f"--http-port={port}"),
                *(f"--gevent-port={_free_port()}", "--max-cron-threads=0"),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                try:
                    if requests.get(f"{url}/web/health", timeout=2).ok:
                        break
                except requests.RequestException:  # not listening yet
                    time.sleep(0.5)
            else:
                sys.exit("Odoo did not answer on /web/health within 90 s.")
            print(
                f"Schemathesis on the Klantinteracties API: {args.max_examples}"
                f" examples per operation, seed {args.seed}",
                flush=True,
            )
            started = time.monotonic()
            code, report = run(
                url, key, report_dir, args.max_examples, args.seed, args.workers
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(report)
    print(
        f"Schemathesis finished in {time.monotonic() - started:.0f} s with exit code"
        f" {code} (report in {report_dir})"
    )
    if code:
        sys.exit(code)


if __name__ == "__main__":
    main()
