"""Support for bench/bench_gemma.py: the test server at scale, in a child process.

Not a test module (tests/__init__.py does not import it). The in-memory worlds
get indexes so the server's own look-ups do not dominate the figures; the
answers stay spec-validated exactly as in the tests.
"""

import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time

from .klant_world import KlantWorld
from .zgw_fixtures import ZgwWorld
from .zgw_server import ZgwTestServer

ROLE_BSN = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"
ZAAKTYPEN = 20


def bsn_numbers(count, start=10_000_000):
    """``count`` distinct BSNs that pass the 11-test."""
    result, prefix = [], start
    while len(result) < count:
        digits = [int(d) for d in f"{prefix:08d}"]
        check = sum(w * d for w, d in zip(range(9, 1, -1), digits, strict=True)) % 11
        if check < 10:
            result.append(f"{prefix:08d}{check}")
        prefix += 1
    return result


def percentile(values, pct):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


class BenchWorld(ZgwWorld):
    def __init__(self, base):
        super().__init__(base)
        self.page_size = 100
        self.by_role = {}

    def add_zaak(self, identificatie, zaaktype_url, roles, **values):
        zaak = super().add_zaak(identificatie, zaaktype_url, roles, **values)
        for name, wanted in roles.items():
            for value in wanted:
                self.by_role.setdefault((name, value), {})[zaak["uuid"]] = self.zaken[
                    zaak["uuid"]
                ]
        return zaak

    def _zaken_page(self, query):
        filters = [(k, v) for k, v in query.items() if k.startswith("rol__")]
        if len(filters) != 1:
            return super()._zaken_page(query)
        everything, self.zaken = self.zaken, self.by_role.get(filters[0], {})
        try:
            return super()._zaken_page(query)
        finally:
            self.zaken = everything


class BenchKlant(KlantWorld):
    def __init__(self, base):
        super().__init__(base)
        self.partij_by_id, self.contacts_by_partij = {}, {}

    def _get_partijen(self, query, body):
        wanted = (
            query.get("partijIdentificator__codeSoortObjectId"),
            query.get("partijIdentificator__objectId"),
        )
        found = self.partij_by_id.get(wanted)
        return 200, self._page([found] if found else [])

    def _post_partijen(self, query, body):
        status, partij = super()._post_partijen(query, body)
        for ident in self.partijen[partij["uuid"]][1]:
            self.partij_by_id[ident] = partij
        return status, partij

    def _get_klantcontacten(self, query, body):
        contacts = self.contacts_by_partij.get(
            query.get("hadBetrokkene__wasPartij__uuid")
        )
        subject = query.get("onderwerp")
        results = [kc for kc in contacts or [] if kc["onderwerp"] == subject]
        return 200, self._page(results)

    def _post_maak_klantcontact(self, query, body):
        status, answer = super()._post_maak_klantcontact(query, body)
        partij = (body.get("betrokkene") or {}).get("wasPartij")
        if partij:
            kc = answer["klantcontact"]
            self.contacts_by_partij.setdefault(partij["uuid"], []).append(kc)
        return status, answer


def _serve(conn, bsns, per_partner):
    server = ZgwTestServer()
    server.world = world = BenchWorld(server.base)
    server.klant = BenchKlant(server.base)
    types = []
    for t in range(ZAAKTYPEN):
        zaaktype = world.add_zaaktype(f"Bench zaaktype {t}")
        statussen = [
            world.add_statustype(zaaktype, f"Stap {s}", f"Uw zaak is bij stap {s}.")
            for s in range(3)
        ]
        types.append((zaaktype, statussen))
    for i, bsn in enumerate(bsns):
        for j in range(per_partner):
            zaaktype, statussen = types[(i + j) % ZAAKTYPEN]
            zaak = world.add_zaak(f"BENCH-{i}-{j}", zaaktype, {ROLE_BSN: [bsn]})
            world.set_status(zaak, statussen[0])
    by_url = {zaak["url"]: (zaak, zt) for zaak, _roles in world.zaken.values()
              for zt in [zaak["zaaktype"]]}  # fmt: skip
    statussen_of = dict(types)
    served = [0, 0.0]  # requests, seconds spent answering (incl. validation)
    serve = server._serve

    def timed_serve(handler, method):
        started = time.perf_counter()
        try:
            serve(handler, method)
        finally:
            served[0] += 1
            served[1] += time.perf_counter() - started

    server._serve = timed_serve
    server.start()
    conn.send((server.base, server.secret, server.token))
    while True:
        command, payload = conn.recv()
        if command == "advance":
            for url in payload:
                zaak, zaaktype = by_url[url]
                world.set_status(zaak, statussen_of[zaaktype][1])
            conn.send(True)
        elif command == "errors":
            conn.send(list(server.errors))
        elif command == "served":
            conn.send(tuple(served))
            served[:] = [0, 0.0]
        else:
            server.stop()
            return


def start_zgw_server(bsns, per_partner):
    """Fork the server; returns (pipe, process). Call before opening a cursor."""
    parent, child = multiprocessing.get_context("fork").Pipe()
    process = multiprocessing.get_context("fork").Process(
        target=_serve, args=(child, bsns, per_partner), daemon=True
    )
    process.start()
    return parent, process


def ensure_database(config, db):
    import psycopg2  # noqa: PLC0415

    from odoo.tools import config as odoo_config  # noqa: PLC0415

    conn = psycopg2.connect(
        dbname="postgres",
        host=odoo_config["db_host"],
        port=odoo_config["db_port"],
        user=odoo_config["db_user"],
        password=odoo_config["db_password"],
    )
    with conn.cursor() as cr:
        cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db])
        exists = cr.fetchone()
    conn.close()
    # An existing database is updated: the code may have new fields.
    action = "-u" if exists else "-i"
    # The benchmark scripts' progress on the terminal, not a server log.
    print(f"{'Updating' if exists else 'Creating'} database {db}", flush=True)  # pylint: disable=print-used
    command = [sys.executable, "-m", "odoo", "-c", config, "-d", db]
    command += [action, "gov_gemma_sync", "--stop-after-init", "--log-level=warn"]
    subprocess.run(command, check=True)


def start_odoo(config, db, timeout=120):
    """An Odoo HTTP server on a free port (jobs are not run by it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-m", "odoo", "-c", config, "-d", db,
               "--http-port", str(port), "--load", "base,web", "--workers", "0",
               "--max-cron-threads", "0", "--log-level", "warn"]  # fmt: skip
    process = subprocess.Popen(command, start_new_session=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.5)
    else:
        os.killpg(process.pid, signal.SIGTERM)
        raise RuntimeError("Odoo did not start")

    def stop():
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(30)

    return f"http://127.0.0.1:{port}", stop
