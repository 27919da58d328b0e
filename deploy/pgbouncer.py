"""Render deploy/pgbouncer/pgbouncer.ini.template, and run pgbouncer (`make cluster`, the tests).

    python deploy/pgbouncer.py OUTPUT_DIR [BHXH_NAME=value ...]

Values come from the arguments, then the environment, then the production defaults below. pgbouncer
refuses to run as root: as root it runs as an unprivileged user given by the caller.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
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
    render(Path(argv[0]).resolve(), dict(argument.split("=", 1) for argument in argv[1:]))


if __name__ == "__main__":
    main(sys.argv[1:])
