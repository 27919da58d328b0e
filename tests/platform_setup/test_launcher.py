"""The launcher behind `make run`: one instance per checkout, loopback without debug pages, and an
embedded PostgreSQL that is still shutting down is waited for."""

import http.client
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import launch
import psycopg2
import pytest

import embedded
from tests.conftest import CENTRAL_HOST
from tests.live_server import running_server


def test_a_second_run_on_the_same_checkout_is_refused_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("BHXH_DATA_DIR", str(tmp_path))

    with launch.single_instance("run"):
        with pytest.raises(SystemExit) as refused:
            with launch.single_instance("run"):
                pass

    assert "already running from this checkout" in str(refused.value)
    with launch.single_instance("run"):  # released once the first run ends
        pass


# --- `make run`'s web server: no debug page reaches a visitor --------------------------------


@pytest.fixture(scope="module")
def make_run_server(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import connection

    with running_server(connection.settings_dict["NAME"], tmp_path_factory.mktemp("make-run"), CENTRAL_HOST) as port:
        yield port


def _request(port: int, method: str, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=b"a=1" if method == "POST" else None, headers={"Host": CENTRAL_HOST})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_the_demo_web_server_listens_on_loopback_by_default():
    assert launch.web_command(launch.DEFAULT_HOST, 8000)[3] == "127.0.0.1:8000"


@pytest.mark.django_db  # pytest-django creates the test database only for a test that asks for it
def test_a_missing_page_under_make_run_does_not_list_the_routes(make_run_server):
    status, body = _request(make_run_server, "GET", "/khong-co-trang-nay/")

    assert (status, "Using the URLconf" in body) == (404, False)


@pytest.mark.django_db
def test_a_post_without_its_trailing_slash_under_make_run_shows_no_debug_page(make_run_server):
    status, body = _request(make_run_server, "POST", "/tim-kiem")

    assert ("Traceback" in body or "DJANGO_SETTINGS_MODULE" in body, status < 500) == (False, True)


# --- Embedded PostgreSQL: a server that is stopping is waited for ------------------------------


def _smart_stop(server: embedded.EmbeddedServer) -> list[str]:
    """pg_ctl stop in smart mode: the server stays "stopping" while a session is open."""
    return [part.replace("fast", "smart") for part in server.stop_command]


def _wait_for_status(pgdata: Path, status: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        lines = (pgdata / "postmaster.pid").read_text().splitlines() if (pgdata / "postmaster.pid").exists() else []
        if len(lines) > 7 and lines[7].strip() == status:
            return
        time.sleep(0.05)
    raise AssertionError(f"PostgreSQL never reported {status!r}")


def test_a_postgres_that_is_shutting_down_is_waited_for_then_started_again(tmp_path):
    first = embedded.ensure_postgres(tmp_path)
    session = psycopg2.connect(first.url)
    stopping = subprocess.Popen(_smart_stop(first), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_status(tmp_path / "postgres", "stopping")
        threading.Timer(1.0, session.close).start()

        # A new process, as the next `make test` would be (pgserver remembers servers per process).
        code = "import sys, pathlib, embedded; print(embedded.ensure_postgres(pathlib.Path(sys.argv[1])).started)"
        environment = {**os.environ, "PYTHONPATH": str(Path(launch.__file__).parent)}
        command = [sys.executable, "-c", code, str(tmp_path)]
        again = subprocess.run(command, capture_output=True, text=True, env=environment)

        assert (again.returncode, again.stdout.strip()) == (0, "True")
    finally:
        stopping.wait(timeout=60)
        embedded.ensure_postgres(tmp_path).stop()
