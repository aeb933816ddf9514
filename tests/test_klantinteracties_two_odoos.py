"""gov_gemma_sync publishes to another Odoo running gov_klantinteracties exactly
as it does to Open Klant.

A second database (the "register") gets gov_klantinteracties only, an API user
with an application key, the employee a request is handed to, and a server of
its own. The all-addons database points its Klantinteracties connection at that
server and publishes a citizen's call about a case, a company's message and a
Loket request handed over to a colleague, the way the queue jobs do. The
register then holds the partijen (relations with the BSN and the KvK number),
the klantcontacten (contact moments with our referentienummer, the case as
onderwerpobject) and the internetaak (a hand-over to the colleague with the
same e-mail address); publishing again adds nothing, and answering the request
completes the internetaak.

Everything done in the all-addons database is rolled back at the end; the
register's server is stopped and its database dropped.
"""

import secrets
import socket
import subprocess
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from run_tests import drop_db  # noqa: E402

API = "/klantinteracties/api/v1"
LOGS = ROOT / ".work" / "test-logs"
OCCURRED = "2026-11-29T10:15:00Z"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def new_bsn():
    """A random valid BSN (11-test): the register is new, but the all-addons
    database would refuse one an earlier run left behind."""
    from stdnum.nl import bsn  # noqa: PLC0415

    while True:
        number = f"{secrets.randbelow(10**9):09d}"
        if number[0] != "0" and bsn.is_valid(number):
            return number


def odoo_env(odoo_config):
    """Odoo's Python API in this process, on the test configuration."""
    from odoo import tools  # noqa: PLC0415 - Odoo is imported only when needed

    tools.config.parse_config(["-c", odoo_config], setup_logging=False)


def wait_for_health(url, server, log_path):
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"The register's server stopped, see {log_path}")
        try:
            if requests.get(f"{url}/web/health", timeout=2).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or still busy
            time.sleep(0.5)
    pytest.fail(f"The register's server did not answer within 90 s, see {log_path}")


def setup_register(name):
    """The API user (front desk + BSN access) with its application key, and
    the colleague requests are handed to; committed."""
    from odoo import api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.tests import new_test_user  # noqa: PLC0415

    token = secrets.token_hex(3)
    with Registry(name).cursor() as cr:
        env = api.Environment(cr, api.SUPERUSER_ID, {})
        kcc = new_test_user(
            env,
            "gemma-sync",
            groups="gov_loket.group_front_desk,gov_addressbook.group_bsn_access",
            name="Odoo gemeente (gov_gemma_sync)",
        )
        handler_email = f"henk.handler.{token}@gemeente.example"
        handler = new_test_user(
            env,
            "henk",
            groups="gov_loket.group_employee",
            name="Henk Handler",
            email=handler_email,
        )
        application = env["gov.ki.application"].create(
            {"name": "Odoo of the municipality", "user_id": kcc.id}
        )
        key = application.action_new_token()["context"]["default_api_key"]
        return SimpleNamespace(
            key=key, handler_email=handler_email, handler_id=handler.id
        )


@pytest.fixture(scope="module")
def register(odoo_config, odoo_db):
    """A second database serving the Klantinteracties API, on its own server."""
    from odoo import sql_db  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo_env(odoo_config)
    name = f"{odoo_db}_ki_register_{secrets.token_hex(3)}"
    LOGS.mkdir(parents=True, exist_ok=True)
    log_path = LOGS / "klantinteracties-register.log"
    odoo_bin = [sys.executable, str(ROOT / "tools" / "odoo-bin"), "-c", odoo_config]
    server = None
    try:
        with log_path.open("w") as log:
            installed = subprocess.run(
                [
                    *odoo_bin,
                    *("-d", name, "-i", "gov_klantinteracties", "--stop-after-init"),
                    f"--http-port={free_port()}",
                    "--max-cron-threads=0",
                    "--log-level=warn",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                check=False,
            )
        assert installed.returncode == 0, f"installing the register failed: {log_path}"
        made = setup_register(name)
        port = free_port()
        log = log_path.open("a")
        server = subprocess.Popen(
            [
                *odoo_bin,
                *("-d", name, f"--db-filter=^{name}$"),
                f"--http-port={port}",
                f"--gevent-port={free_port()}",
                "--max-cron-threads=0",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        wait_for_health(url, server, log_path)
        yield SimpleNamespace(db=name, url=url, api=url + API, **vars(made))
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
            log.close()
        Registry.delete(name)
        sql_db.close_db(name)
        drop_db(odoo_config, name)


def call(register, path, **params):
    """GET on the register's API with the application key."""
    response = requests.get(
        f"{register.api}/{path}",
        params=params,
        headers={
            "Authorization": f"Token {register.key}",
            "Accept": "application/json",
        },
        timeout=30,
    )
    assert response.status_code == 200, response.text
    assert response.headers["API-version"] == "0.9.0"
    return response.json()


def publish(env, register, bsn, kvk, subject):
    """In the all-addons database: the connection, a citizen's phone call
    about a case, a company's e-mail and a counter request handed to Henk,
    published as the queue jobs do."""
    from odoo.addons.queue_job.tests.common import trap_jobs  # noqa: PLC0415
    from odoo.tests import new_test_user  # noqa: PLC0415

    Service = env["gov.zgw.service"]
    # Other connections (demo data, if any) must not take part.
    Service.search([("api_type", "=", "klantinteracties")]).write({"active": False})
    service = Service.create(
        {
            "name": "Register (another Odoo)",
            "api_type": "klantinteracties",
            "base_url": register.api,
            "auth_type": "token",
            "secret": register.key,
            "api_version": "0.9.0",
            "timeout": 30,
        }
    )
    assert service.is_default
    tested = service.action_test_connection()["params"]
    assert tested["type"] == "success", tested["message"]

    front_desk = new_test_user(
        env, f"kcc-{secrets.token_hex(3)}", groups="gov_loket.group_front_desk"
    )
    handler = new_test_user(
        env,
        f"henk-{secrets.token_hex(3)}",
        groups="gov_loket.group_employee",
        name="Henk Handler",
        email=register.handler_email,
    )
    citizen = env["res.partner"].create(
        {
            "firstname": "Fatima",
            "lastname": "El Amrani",
            "gov_party_type": "citizen",
            "bsn": bsn,
        }
    )
    company = env["res.partner"].create(
        {
            "name": "Bakkerij De Korst BV",
            "is_company": True,
            "gov_party_type": "company",
            "kvk_number": kvk,
        }
    )
    zaak_uuid = str(uuid.uuid4())
    zaak = env["gov.zaak"].create(
        {
            "url": f"https://openzaak.example.nl/zaken/api/v1/zaken/{zaak_uuid}",
            "identificatie": f"ZAAK-{zaak_uuid[:8]}",
            "partner_ids": [(4, citizen.id)],
        }
    )
    counter = env["helpdesk.ticket.channel"].search(
        [("gov_channel", "=", "counter")], limit=1
    )
    with trap_jobs() as trap:
        moment = (
            env["gov.contact.moment"]
            .with_user(front_desk)
            .create(
                {
                    "partner_id": citizen.id,
                    "channel": "phone",
                    "subject": subject,
                    "summary": "Belt over de stand van zaken.",
                    "occurred_at": OCCURRED.replace("T", " ").rstrip("Z"),
                    "zaak_id": zaak.id,
                }
            )
        )
        company_moment = (
            env["gov.contact.moment"]
            .with_user(front_desk)
            .create(
                {
                    "partner_id": company.id,
                    "channel": "social",
                    "subject": f"Bericht over het terras {subject}",
                    "occurred_at": OCCURRED.replace("T", " ").rstrip("Z"),
                }
            )
        )
        ticket = (
            env["helpdesk.ticket"]
            .with_user(front_desk)
            .create(
                {
                    "name": f"Wanneer gaat mijn vergunning in? {subject}",
                    "description": "<p>Verhuisd naar het centrum.</p>",
                    "partner_id": citizen.id,
                    "channel_id": counter.id,
                }
            )
        )
        ticket.action_hand_over(handler.id, "Graag na 14:00 bellen.")
        handover = ticket.handover_ids
        assert (moment.zgw_state, handover.zgw_state) == ("pending", "pending")
        # Both moments, the request's moment and the hand-over: one job each.
        trap.assert_jobs_count(4)
        trap.perform_enqueued_jobs()
    request_moment = ticket.contact_moment_ids.filtered(
        lambda m: m.direction == "inbound"
    )
    return SimpleNamespace(
        service=service,
        citizen=citizen,
        company=company,
        zaak_uuid=zaak_uuid,
        moment=moment.with_env(env),
        company_moment=company_moment.with_env(env),
        ticket=ticket.with_env(env),
        request_moment=request_moment.with_env(env),
        handover=handover.with_env(env),
    )


def test_gemma_sync_publishes_to_another_odoo(register, odoo_config, odoo_db):
    from odoo import api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo_env(odoo_config)
    bsn = new_bsn()
    kvk = f"{secrets.randbelow(10**8):08d}"
    subject = f"Vraag over parkeervergunning {secrets.token_hex(3)}"
    with Registry(odoo_db).cursor() as cr:
        try:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            ours = publish(env, register, bsn, kvk, subject)
            check_published(ours, register)
            check_register(ours, register, bsn, subject)
            check_company(ours, register, kvk)
            check_idempotent(ours, register)
            check_completed(ours, register)
        finally:
            # Nothing of this test stays in the all-addons database.
            cr.rollback()


def check_published(ours, register):
    """The all-addons database: published, with links into the register."""
    for record, url_field in (
        (ours.moment, "zgw_klantcontact_url"),
        (ours.company_moment, "zgw_klantcontact_url"),
        (ours.request_moment, "zgw_klantcontact_url"),
        (ours.handover, "zgw_internetaak_url"),
    ):
        assert (record.zgw_state, record.zgw_error) == ("done", False), record
        assert record[url_field].startswith(register.api + "/"), record[url_field]
        assert record.zgw_referentienummer.isdigit()
    assert ours.handover.zgw_status == "te_verwerken"
    assert ours.service.health == "ok"
    assert ours.citizen.zgw_partij_uuid


def check_register(ours, register, bsn, subject):
    """The register, through its API and its ORM."""
    # The partij: found by its BSN, the one gov_gemma_sync created.
    partijen = call(
        register,
        "partijen",
        partijIdentificator__codeSoortObjectId="bsn",
        partijIdentificator__objectId=bsn,
    )
    assert partijen["count"] == 1, partijen
    (partij,) = partijen["results"]
    assert partij["uuid"] == ours.citizen.zgw_partij_uuid
    assert partij["soortPartij"] == "persoon"
    naam = partij["partijIdentificatie"]["contactnaam"]
    assert (naam["voornaam"], naam["achternaam"]) == ("Fatima", "El Amrani")

    # The phone call: a klantcontact carrying our referentienummer.
    found = call(
        register, "klantcontacten", referentienummer=ours.moment.zgw_referentienummer
    )
    assert found["count"] == 1, found
    (klantcontact,) = found["results"]
    assert klantcontact["url"] == ours.moment.zgw_klantcontact_url
    assert (klantcontact["onderwerp"], klantcontact["kanaal"]) == (subject, "telefoon")
    assert klantcontact["plaatsgevondenOp"] == OCCURRED
    (ref,) = klantcontact["hadBetrokkenen"]
    betrokkene = call(register, ref["url"].split(API + "/", 1)[1])
    assert betrokkene["wasPartij"]["uuid"] == partij["uuid"]
    assert (betrokkene["rol"], betrokkene["initiator"]) == ("klant", True)
    assert betrokkene["contactnaam"]["achternaam"] == "El Amrani"
    (ref,) = klantcontact["gingOverOnderwerpobjecten"]
    onderwerp = call(register, ref["url"].split(API + "/", 1)[1])
    assert onderwerp["onderwerpobjectidentificator"] == {
        "codeObjecttype": "zaak",
        "codeRegister": "open-zaak",
        "codeSoortObjectId": "uuid",
        "objectId": ours.zaak_uuid,
    }

    # The hand-over: an internetaak for Henk on the request's klantcontact.
    taken = call(
        register, "internetaken", referentienummer=ours.handover.zgw_referentienummer
    )
    assert taken["count"] == 1, taken
    (taak,) = taken["results"]
    assert taak["url"] == ours.handover.zgw_internetaak_url
    assert taak["status"] == "te_verwerken"
    assert taak["toelichting"] == "Graag na 14:00 bellen."
    assert (
        taak["aanleidinggevendKlantcontact"]["url"]
        == ours.request_moment.zgw_klantcontact_url
    )
    actor = call(register, taak["toegewezenAanActor"]["url"].split(API + "/", 1)[1])
    assert actor["actoridentificator"]["objectId"] == register.handler_email

    check_register_records(ours, register, bsn, subject)


def check_register_records(ours, register, bsn, subject):
    """The same, as records of the register's own address book and Loket."""
    from odoo import api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    with Registry(register.db).cursor() as cr:
        env = api.Environment(cr, api.SUPERUSER_ID, {})
        partner = env["res.partner"].search([("bsn", "=", bsn)])
        assert len(partner) == 1
        assert partner.gov_party_type == "citizen"
        Moment = env["gov.contact.moment"]
        moment = Moment.search(
            [("ki_reference", "=", ours.moment.zgw_referentienummer)]
        )
        assert moment.partner_id == partner
        assert (moment.subject, moment.channel, moment.direction) == (
            subject,
            "phone",
            "inbound",
        )
        assert moment.occurred_at == datetime(2026, 11, 29, 10, 15)
        request_moment = Moment.search(
            [("ki_reference", "=", ours.request_moment.zgw_referentienummer)]
        )
        assert request_moment.partner_id == partner
        assert request_moment.channel == "counter"
        assert request_moment.subject == ours.request_moment.subject
        assert Moment.search_count([("partner_id", "=", partner.id)]) == 2
        assert moment.ki_subject_ids.object_id == ours.zaak_uuid

        handover = env["gov.loket.handover"].search(
            [("ki_reference", "=", ours.handover.zgw_referentienummer)]
        )
        assert len(handover) == 1
        assert handover.to_user_id.id == register.handler_id
        assert handover.to_user_id.email == register.handler_email
        assert handover.state == "pending"
        assert handover.ticket_id.call_moment_id == request_moment
        assert handover.ticket_id.partner_id == partner
        cr.rollback()


def check_company(ours, register, kvk):
    """An organisation: its partij found by the KvK number, its name on the
    betrokkene; its message on social media is one on the register's social
    channel."""
    from odoo import api  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    partijen = call(
        register,
        "partijen",
        partijIdentificator__codeSoortObjectId="kvk_nummer",
        partijIdentificator__objectId=kvk,
    )
    assert partijen["count"] == 1, partijen
    (partij,) = partijen["results"]
    assert partij["uuid"] == ours.company.zgw_partij_uuid
    assert partij["soortPartij"] == "organisatie"
    assert partij["partijIdentificatie"] == {"naam": "Bakkerij De Korst BV"}
    (klantcontact,) = call(
        register,
        "klantcontacten",
        referentienummer=ours.company_moment.zgw_referentienummer,
    )["results"]
    assert klantcontact["url"] == ours.company_moment.zgw_klantcontact_url
    # gov_gemma_sync names the channel as KCC tools do; it stays that name.
    assert klantcontact["kanaal"] == "sociale media"
    (ref,) = klantcontact["hadBetrokkenen"]
    betrokkene = call(register, ref["url"].split(API + "/", 1)[1])
    assert betrokkene["wasPartij"]["uuid"] == partij["uuid"]
    assert betrokkene["organisatienaam"] == "Bakkerij De Korst BV"

    with Registry(register.db).cursor() as cr:
        env = api.Environment(cr, api.SUPERUSER_ID, {})
        moment = env["gov.contact.moment"].search(
            [("ki_reference", "=", ours.company_moment.zgw_referentienummer)]
        )
        assert moment.channel == "social"
        assert moment.partner_id.kvk_number == kvk
        cr.rollback()


def check_idempotent(ours, register):
    """A retry whose first attempt reached the register (its transaction was
    lost) finds the klantcontact and the internetaak: nothing is made twice."""
    before = (
        call(register, "klantcontacten")["count"],
        call(register, "internetaken")["count"],
        call(register, "partijen")["count"],
    )
    moments = ours.moment | ours.request_moment
    urls = [*moments.mapped("zgw_klantcontact_url"), ours.handover.zgw_internetaak_url]
    moments.zgw_klantcontact_url = False
    ours.handover.zgw_internetaak_url = False
    ours.citizen.zgw_partij_uuid = False
    # The hand-over first: it publishes the request's moment again on its way.
    assert ours.handover._zgw_publish() == urls[2]
    assert ours.request_moment.zgw_klantcontact_url == urls[1]
    assert ours.moment._zgw_publish() == urls[0]
    assert ours.moment._zgw_publish() == "Already published."
    assert [
        *moments.mapped("zgw_klantcontact_url"),
        ours.handover.zgw_internetaak_url,
    ] == urls
    after = (
        call(register, "klantcontacten")["count"],
        call(register, "internetaken")["count"],
        call(register, "partijen")["count"],
    )
    assert after == before


def check_completed(ours, register):
    """Henk answers by phone: the answer becomes a klantcontact of its own and
    the internetaak is verwerkt in the register too."""
    from odoo.addons.queue_job.tests.common import trap_jobs  # noqa: PLC0415

    handler = ours.handover.to_user_id
    with trap_jobs() as trap:
        ours.ticket.with_user(handler).action_answer("Per 1 december.", "phone")
        trap.assert_jobs_count(1, only=ours.handover._zgw_close)
        trap.perform_enqueued_jobs()
    assert ours.handover.zgw_status == "verwerkt"
    answer = ours.ticket.contact_moment_ids.filtered(
        lambda m: m.direction == "outbound"
    )
    assert answer.zgw_state == "done", answer.zgw_error
    (klantcontact,) = call(
        register, "klantcontacten", referentienummer=answer.zgw_referentienummer
    )["results"]
    assert klantcontact["url"] == answer.zgw_klantcontact_url
    assert klantcontact["inhoud"] == "Per 1 december."
    (taak,) = call(
        register, "internetaken", referentienummer=ours.handover.zgw_referentienummer
    )["results"]
    assert taak["status"] == "verwerkt"
    assert taak["afgehandeldOp"].endswith("Z")
