"""pgbouncer between the application and PostgreSQL, configured by deploy/pgbouncer (session pooling).

django-tenants picks a province with a session-level `SET search_path`, once per schema switch, and
the tenant middleware leaves a connection already on the right schema as it is. Through a pooler
that is only safe if a client keeps its server connection for its whole session. Here a real
pgbouncer (Debian's, installed when missing) sits in front of the test database; threads serve
requests for several provinces at once, through the real middleware and the real database backend,
with persistent connections that now and then reconnect (so server connections change hands), and
after every request read the site table of the schema their connection is on.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection, connections
from django.test import Client
from wagtail.models import Site

from tests.conftest import CENTRAL_HOST
from tests.live_server import free_port

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "deploy"))

import pgbouncer  # noqa: E402

HOSTS = (CENTRAL_HOST, "hanoi.localhost", "hcm.localhost")
THREADS, REQUESTS_PER_THREAD = 8, 60


@pytest.fixture(scope="module")
def pgbouncer_binary() -> Path:
    if not pgbouncer.PGBOUNCER.exists():
        installer = ROOT / "tests" / "install_debian_packages.sh"
        subprocess.run(["bash", str(installer), str(pgbouncer.PGBOUNCER), "pgbouncer"])
    if not pgbouncer.PGBOUNCER.exists():
        pytest.skip("Debian's pgbouncer is not installed and could not be (see the line above)")
    return pgbouncer.PGBOUNCER


def database_address() -> tuple[str, str, str]:
    """(host, port, owner): the test database's address and the user that may open its socket."""
    database = connection.settings_dict
    # The embedded PostgreSQL listens on a unix socket, named in OPTIONS by django-environ.
    pg_host = database["OPTIONS"].get("host") or database["HOST"] or "127.0.0.1"
    # As root, pgbouncer runs as the user that may open that socket: the one PostgreSQL runs as.
    run_as = Path(pg_host).owner() if pg_host.startswith("/") else "nobody"
    return pg_host, str(database["PORT"] or 5432), run_as


def pgbouncer_values(folder: Path, port: int, pool_mode: str = "session", pool_size: int = 4) -> dict[str, str]:
    """deploy/pgbouncer's file in `folder`, listening on `port`, in front of the test database."""
    database = connection.settings_dict
    pg_host, pg_port, _ = database_address()
    (folder / "userlist.txt").write_text(f'"{database["USER"]}" ""\n')
    return {
        "BHXH_PG_HOST": pg_host,
        "BHXH_PG_DATABASE": database["NAME"],
        "BHXH_PG_PORT": pg_port,
        "BHXH_PGBOUNCER_LISTEN": "127.0.0.1",
        "BHXH_PGBOUNCER_PORT": str(port),
        "BHXH_PGBOUNCER_SOCKET_DIR": "",
        # The embedded PostgreSQL trusts its local socket; pgbouncer only passes the user on.
        "BHXH_PGBOUNCER_AUTH_TYPE": "trust",
        "BHXH_PGBOUNCER_AUTH_FILE": str(folder / "userlist.txt"),
        "BHXH_PGBOUNCER_POOL_MODE": pool_mode,
        "BHXH_PGBOUNCER_POOL_SIZE": str(pool_size),
        "BHXH_PGBOUNCER_RUN_DIR": str(folder),
        "BHXH_PGBOUNCER_LOG": str(folder / "pgbouncer.log"),
    }


@contextmanager
def running_pgbouncer(pool_mode: str, pool_size: int, overrides: dict[str, str] | None = None):
    """deploy/pgbouncer's file in front of the test database; yields the port it listens on and the file."""
    run_as = database_address()[2]
    folder = Path(tempfile.mkdtemp(prefix="bhxh-pgbouncer-"))
    port = free_port()
    ini = pgbouncer.render(folder, {**pgbouncer_values(folder, port, pool_mode, pool_size), **(overrides or {})})
    if os.geteuid() == 0:
        shutil.chown(folder, run_as)
    try:
        pgbouncer.start(ini, port, run_as=run_as)
        yield port, ini
    finally:
        pgbouncer.stop(ini)
        shutil.rmtree(folder, ignore_errors=True)


def through(settings_dict: dict, port: int) -> dict:
    """The same database, reached through pgbouncer on `port`."""
    options = {key: value for key, value in settings_dict["OPTIONS"].items() if key != "host"}
    return {**settings_dict, "HOST": "127.0.0.1", "PORT": str(port), "OPTIONS": options}


@contextmanager
def connections_through(port: int):
    """Connections opened from now on (by new threads) go through pgbouncer, persistent as in production."""
    saved = connections.settings["default"]
    connections.settings["default"] = {**through(saved, port), "CONN_MAX_AGE": 600}
    try:
        yield
    finally:
        connections.settings["default"] = saved


def site_hostnames() -> set[str]:
    """What the current connection's schema holds: each schema has its own site table."""
    return set(Site.objects.values_list("hostname", flat=True))


def test_provinces_served_concurrently_through_pgbouncer_never_read_another_provinces_rows(pgbouncer_binary, db):
    expected = {}
    for host in HOSTS:
        Client(HTTP_HOST=host).get("/")
        expected[host] = site_hostnames()
    assert len({frozenset(rows) for rows in expected.values()}) == len(HOSTS)
    connection.set_schema_to_public()
    crossings, failures, served = [], [], []

    def serve(seed: int) -> None:
        rng = random.Random(seed)
        clients = {host: Client(HTTP_HOST=host) for host in HOSTS}
        try:
            for _ in range(REQUESTS_PER_THREAD):
                host = rng.choice(HOSTS)
                response = clients[host].get(rng.choice(("/", "/khong-co-trang-nay/")))
                if response.status_code not in (200, 404):
                    failures.append((host, response.status_code))
                rows = site_hostnames()  # on whatever schema the request left the connection
                served.append(host)
                if rows != expected[host]:
                    crossings.append((host, sorted(rows)))
                if rng.random() < 0.15:  # CONN_MAX_AGE ran out: the server connection goes to another client
                    connections["default"].close()
        except Exception as error:  # reported below with the others
            failures.append(("exception", repr(error)))
        finally:
            connections.close_all()

    # Fewer server connections than threads: clients wait for, and take over, each other's.
    with running_pgbouncer("session", pool_size=THREADS // 2) as (port, _), connections_through(port):
        threads = [threading.Thread(target=serve, args=(seed,)) for seed in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)

    assert failures == []
    assert len(served) == THREADS * REQUESTS_PER_THREAD
    assert set(served) == set(HOSTS)
    assert crossings == []


def test_transaction_pooling_would_serve_one_province_anothers_rows(pgbouncer_binary, hanoi, hcm):
    """Why deploy/pgbouncer says session: with transaction pooling, a connection that set its
    province's search_path runs its next query on a server connection another client moved to
    another province. One server connection makes it certain rather than likely."""
    with running_pgbouncer("transaction", pool_size=1) as (port, _):
        settings_dict = through(connection.settings_dict, port)
        backend = type(connections["default"])  # tenants.postgresql_backend's DatabaseWrapper
        hanoi_reader = backend(settings_dict, alias="hanoi_reader")
        hcm_reader = backend(settings_dict, alias="hcm_reader")
        try:
            hanoi_reader.set_tenant(hanoi.province)
            hcm_reader.set_tenant(hcm.province)
            with hanoi_reader.cursor() as cursor:
                cursor.execute("SELECT hostname FROM wagtailcore_site")
                assert cursor.fetchall() == [(hanoi.host,)]
            with hcm_reader.cursor() as cursor:
                cursor.execute("SELECT hostname FROM wagtailcore_site")
                assert cursor.fetchall() == [(hcm.host,)]
            with hanoi_reader.cursor() as cursor:  # its search_path is "set" as far as Django knows
                cursor.execute("SELECT hostname FROM wagtailcore_site")
                assert cursor.fetchall() == [(hcm.host,)]
        finally:
            hanoi_reader.close()
            hcm_reader.close()
