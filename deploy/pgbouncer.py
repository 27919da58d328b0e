"""Render deploy/pgbouncer/pgbouncer.ini.template, and run pgbouncer (`make cluster`, the tests).

    python deploy/pgbouncer.py OUTPUT_DIR [BHXH_NAME=value ...]
    python deploy/pgbouncer.py follow MONITOR_URI OUTPUT_DIR [BHXH_NAME=value ...]

`follow` keeps running: it points pgbouncer at the primary pg_auto_failover's monitor names
(re-render with BHXH_PG_HOST/BHXH_PG_PORT, then RELOAD), at once and after every change.

Values come from the arguments, then the environment, then the production defaults below. pgbouncer
refuses to run as root: as root it runs as an unprivileged user given by the caller.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from render_nginx import fill

PGBOUNCER = Path("/usr/sbin/pgbouncer")
TEMPLATE = Path(__file__).resolve().parent / "pgbouncer" / "pgbouncer.ini.template"

PRODUCTION = {
    "BHXH_PG_HOST": "db-primary.internal",
    "BHXH_PG_PORT": "5432",
    "BHXH_PG_DATABASE": "bhxh",
    "BHXH_PGBOUNCER_LISTEN": "127.0.0.1",
    "BHXH_PGBOUNCER_PORT": "6432",
    "BHXH_PGBOUNCER_SOCKET_DIR": "/var/run/postgresql",
    "BHXH_PGBOUNCER_AUTH_TYPE": "scram-sha-256",
    "BHXH_PGBOUNCER_AUTH_FILE": "/etc/pgbouncer/userlist.txt",
    "BHXH_PGBOUNCER_ADMIN_USERS": "postgres",
    "BHXH_PGBOUNCER_POOL_MODE": "session",
    # Session pooling: one server connection per client holding one; the sum over the app nodes of
    # gunicorn workers + Celery processes, below PostgreSQL's max_connections.
    "BHXH_PGBOUNCER_POOL_SIZE": "60",
    "BHXH_PGBOUNCER_RUN_DIR": "/var/run/postgresql",
    "BHXH_PGBOUNCER_LOG": "/var/log/postgresql/pgbouncer.log",
}


def render(output_dir: Path, overrides: dict[str, str]) -> Path:
    values = {**PRODUCTION, **{k: v for k, v in os.environ.items() if k.startswith("BHXH_")}, **overrides}
    output_dir.mkdir(parents=True, exist_ok=True)
    ini = output_dir / "pgbouncer.ini"
    ini.write_text(fill(TEMPLATE, values), encoding="utf-8")
    return ini


def start(ini: Path, port: int, run_as: str, timeout: float = 20) -> int:
    """pgbouncer in the background (its own -d); returns its process id once it accepts connections."""
    prefix = ["runuser", "-u", run_as, "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, str(PGBOUNCER), "-d", "-q", str(ini)], check=True)
    pid_file = Path(_setting(ini, "pidfile"))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return int(pid_file.read_text().strip())
        except (OSError, ValueError):
            time.sleep(0.1)
    raise RuntimeError(f"pgbouncer ({ini}) does not accept connections on port {port} after {timeout:.0f} s")


def reload(ini: Path) -> None:
    """Re-read the file (a new [databases] target): SIGHUP, as `RELOAD` on the admin console does."""
    os.kill(int(Path(_setting(ini, "pidfile")).read_text().strip()), signal.SIGHUP)


def database_target(ini: Path) -> tuple[str, str]:
    """(host, port) of the first [databases] entry: where pgbouncer sends its clients now."""
    section = ""
    for line in ini.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line
        elif section == "[databases]" and "=" in line and not line.startswith(";"):
            fields = dict(field.split("=", 1) for field in line.split("=", 1)[1].split())
            return fields["host"], fields["port"]
    raise KeyError("[databases]")


def follow(
    monitor: str,
    render_for: Callable[[str, int], Path],
    say: Callable[[str], None] = print,
    stop: threading.Event | None = None,
) -> None:
    """Forever: pgbouncer follows the primary that pg_auto_failover's monitor names. It listens on the
    monitor's `state` channel (a notification per node state change) and asks every 2 s besides (a
    missed notification, a restarted monitor). `render_for(host, port)` writes the file pointing
    there and returns it; RELOAD follows when the target changed. With the monitor unreachable
    pgbouncer stays where it is: serving goes on, only failover decisions wait for the monitor.
    `stop` (the tests): return once it is set."""
    import select

    import psycopg2

    listener, told = None, None  # `told`: where this process last pointed pgbouncer
    while stop is None or not stop.is_set():
        try:
            if listener is None:
                listener = psycopg2.connect(monitor, connect_timeout=2)
                listener.autocommit = True
                listener.cursor().execute("LISTEN state")
            select.select([listener], [], [], 2)
            listener.poll()
            listener.notifies.clear()
            with listener.cursor() as cursor:
                cursor.execute(
                    "SELECT primary_name, primary_host, primary_port FROM pgautofailover.get_primary('default', 0)"
                )
                row = cursor.fetchone()
        except psycopg2.Error as error:
            say(f"monitor unreachable ({str(error).strip().splitlines()[0]}); pgbouncer stays where it is")
            listener = None
            time.sleep(2)
            continue
        if row is None:
            continue  # no node takes writes right now (a failover under way): nothing better to point at
        name, host, port = row
        if (host, port) != told:
            reload(render_for(host, port))
            told = (host, port)
            say(f"primary is {name} ({host}:{port}): pgbouncer points at it (RELOAD)")
    if listener is not None:
        listener.close()


def stop(ini: Path) -> None:
    pid_file = Path(_setting(ini, "pidfile"))
    if not pid_file.exists():
        return
    pid = int(pid_file.read_text().strip())
    try:
        os.kill(pid, signal.SIGTERM)  # immediate shutdown: clients are cut off
        for _ in range(100):
            os.kill(pid, 0)
            time.sleep(0.1)
    except ProcessLookupError:
        pass


def _setting(ini: Path, name: str) -> str:
    for line in ini.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key.strip() == name:
            return value.strip()
    raise KeyError(name)


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit(__doc__)
    if argv[0] == "follow" and len(argv) >= 3:
        overrides = dict(argument.split("=", 1) for argument in argv[3:])
        output = Path(argv[2]).resolve()

        def render_for(host: str, port: int) -> Path:
            return render(output, {**overrides, "BHXH_PG_HOST": host, "BHXH_PG_PORT": str(port)})

        follow(argv[1], render_for, lambda line: print(f"[pgbouncer-follow] {line}", flush=True))
    render(Path(argv[0]).resolve(), dict(argument.split("=", 1) for argument in argv[1:]))


if __name__ == "__main__":
    main(sys.argv[1:])
