"""`make run`'s web server, started against the test database: what the launcher starts, as it starts it.

pytest-django's `live_server` cannot be used (tests/browser/conftest.py says why). The command and
environment come from the launcher itself (platform/launch.py), so tests see what a visitor of
`make run` sees; only the database is the test one.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import launch

SERVER_START_SECONDS = 60


def server_environment(database_name: str) -> dict[str, str]:
    env = launch.child_environment()
    url = urlsplit(os.environ["DATABASE_URL"])
    env["DATABASE_URL"] = urlunsplit(url._replace(path=f"/{database_name}"))
    # REDIS_URL is passed unchanged: config.settings.test moves it to the tests' Redis database.
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(database_name: str, log_dir: Path, probe_host: str) -> Iterator[int]:
    """`make run`'s web server on a free loopback port, serving the test database; yields the port."""
    port = free_port()
    log_path = log_dir / "runserver.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            launch.web_command("127.0.0.1", port),
            env=server_environment(database_name),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        _wait_until_answering(server, port, log_path, probe_host)
        yield port
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def _wait_until_answering(server: subprocess.Popen, port: int, log_path: Path, host: str) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"runserver exited with {server.returncode}:\n{_tail(log_path)}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/", headers={"Host": host})
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
        finally:
            connection.close()
    raise RuntimeError(f"runserver did not answer on port {port} within {SERVER_START_SECONDS}s:\n{_tail(log_path)}")


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"
