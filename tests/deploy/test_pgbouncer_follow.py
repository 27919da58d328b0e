"""pgbouncer follows the PostgreSQL primary that pg_auto_failover's monitor names (deploy/pgbouncer.py follow).

`make cluster` runs the real monitor and a real failover (bench/cluster/run.py measures it, ≈ 12 s: too
slow for the suite). Here the monitor's side is a stand-in in the test database: its SQL interface
(`pgautofailover.get_primary()` and a NOTIFY on the `state` channel), nothing else. The pgbouncer, the
notification, the re-rendered file and the RELOAD are real.
"""

from __future__ import annotations

import threading
import time

import psycopg2
import pytest
from django.db import connection

from tests.deploy.test_pgbouncer import (
    database_address,
    pgbouncer,
    pgbouncer_binary,
    pgbouncer_values,
    running_pgbouncer,
)
from tests.live_server import free_port

__all__ = ["pgbouncer_binary"]  # the fixture, shared with test_pgbouncer.py


def database_dsn() -> str:
    host, port, _ = database_address()
    return f"host={host} port={port} dbname={connection.settings_dict['NAME']} user={connection.settings_dict['USER']}"


@pytest.fixture
def monitor():
    """A stand-in for the monitor's SQL interface, in the test database; yields a connection to it."""
    stand_in = psycopg2.connect(database_dsn())
    stand_in.autocommit = True
    with stand_in.cursor() as cursor:
        cursor.execute("CREATE SCHEMA pgautofailover")
        cursor.execute("CREATE TABLE pgautofailover.stand_in_primary (name text, host text, port int)")
        cursor.execute(
            "CREATE FUNCTION pgautofailover.get_primary(formation text, group_id int) "
            "RETURNS TABLE (primary_name text, primary_host text, primary_port int) LANGUAGE sql "
            "AS 'SELECT name, host, port FROM pgautofailover.stand_in_primary'"
        )
    try:
        yield stand_in
    finally:
        with stand_in.cursor() as cursor:
            cursor.execute("DROP SCHEMA pgautofailover CASCADE")
        stand_in.close()


def wait_until(condition, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_pgbouncer_points_at_the_new_primary_once_the_monitor_announces_it(pgbouncer_binary, db, monitor):
    pg_host, pg_port, _ = database_address()
    dead_port = str(free_port())  # the crashed primary: nothing listens there
    with monitor.cursor() as cursor:
        cursor.execute(
            "INSERT INTO pgautofailover.stand_in_primary VALUES ('postgres-a', %s, %s)", (pg_host, dead_port)
        )
    lines, stop = [], threading.Event()
    with running_pgbouncer("session", 2, {"BHXH_PG_PORT": dead_port}) as (port, ini):

        def render_for(host: str, target_port: int):
            values = pgbouncer_values(ini.parent, port, "session", 2)
            return pgbouncer.render(ini.parent, {**values, "BHXH_PG_HOST": host, "BHXH_PG_PORT": str(target_port)})

        watcher = threading.Thread(target=pgbouncer.follow, args=(database_dsn(), render_for, lines.append, stop))
        watcher.start()
        try:
            assert wait_until(lambda: any("postgres-a" in line for line in lines)), lines
            with monitor.cursor() as cursor:
                cursor.execute("UPDATE pgautofailover.stand_in_primary SET name = 'postgres-b', port = %s", (pg_port,))
                cursor.execute("NOTIFY state, 'postgres-b is primary'")
            assert wait_until(lambda: pgbouncer.database_target(ini) == (pg_host, pg_port)), lines
            through = psycopg2.connect(
                host="127.0.0.1", port=port, dbname=connection.settings_dict["NAME"],
                user=connection.settings_dict["USER"], connect_timeout=5,
            )  # fmt: skip
            with through.cursor() as cursor:
                cursor.execute("SELECT current_database()")
                assert cursor.fetchone()[0] == connection.settings_dict["NAME"]
            through.close()
        finally:
            stop.set()
            watcher.join(timeout=10)
    assert lines[-1].startswith("primary is postgres-b")


def test_with_the_monitor_unreachable_pgbouncer_stays_where_it_is():
    rendered, lines, stop = [], [], threading.Event()
    unreachable = f"host=127.0.0.1 port={free_port()} dbname=pg_auto_failover user=autoctl_node"
    watcher = threading.Thread(target=pgbouncer.follow, args=(unreachable, rendered.append, lines.append, stop))
    watcher.start()
    try:
        assert wait_until(lambda: lines, timeout=10)
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert rendered == []
    assert "monitor unreachable" in lines[0]
    assert "pgbouncer stays where it is" in lines[0]
