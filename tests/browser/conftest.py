"""Headless-browser tests: Debian's Chromium, driven by Playwright, against a real web server.

pytest-django's `live_server` cannot be used: its `transactional_db` flushes the tables after
each test, the public schema's tenant table included, which would drop the central site and
the provinces that `tests/conftest.py` creates once per session. Instead:

- `live_site` onboards a province of its own (Huế, code 46, `hue.localhost`) with committed
  data, starts `manage.py runserver` in a subprocess against the same test database and Redis
  database, yields its address, and at the end stops the server and removes the province
  (schema, domains, row). It is package-scoped: created once, when the first browser test
  runs, and removed as soon as the last one has run, so the tests of other folders (which
  count provinces) never see it.
- `chromium` is one browser for all of them; each test opens its own context (viewport,
  JavaScript on or off) and closes it.

Only a missing browser or Python package skips the tests, with the reason in the summary
(`-ra`): run `tests/browser/install_browser.sh` and `pip install -r requirements.txt`. With
BHXH_REQUIRE_BROWSER=1 in the environment a missing browser fails the tests instead.
Select or leave out these tests with `-m browser` / `-m "not browser"`.
"""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.conftest import CENTRAL_HOST, TEST_PASSWORD

ROOT_DIR = Path(__file__).resolve().parents[2]
BROWSER_TESTS_DIR = Path(__file__).resolve().parent
SCREENSHOT_DIR = ROOT_DIR / "data" / "screenshots"
INSTALL_SCRIPT = "tests/browser/install_browser.sh"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_PACKAGE = "axe_playwright_python"  # PyPI axe-playwright-python: ships axe-core's axe.min.js

# The province that exists only while the browser tests run.
BROWSER_PROVINCE_CODE = "46"
BROWSER_PROVINCE_HOST = "hue.localhost"

SERVER_START_SECONDS = 60


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: headless-browser test (Chromium + Playwright + axe-core); leave out with -m 'not browser'"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test under tests/browser/ is marked `browser` and `django_db`, whether its module says so or not.

    `django_db` matters: pytest-django creates the test database only when a selected test
    asks for it, and a browser test reaches the database only through the server. Without a
    test database, `live_site` would work in the development database.
    """
    browser_items = [item for item in items if BROWSER_TESTS_DIR in Path(item.path).parents]
    if not browser_items:
        return
    # Skipped here rather than in a fixture, so that a machine without the browser does not
    # create the test database for nothing.
    reason = None if os.environ.get("BHXH_REQUIRE_BROWSER") else browser_unavailable_reason()
    for item in browser_items:
        if item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("django_db") is None:
            item.add_marker(pytest.mark.django_db)
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))


# --- Availability -----------------------------------------------------------------------


def browser_unavailable_reason() -> str | None:
    """Why the browser tests cannot run on this machine, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as error:
        return f"the playwright package cannot be imported ({error}); run: pip install -r requirements.txt"
    if axe_script_path() is None:
        return f"axe-core is missing (package {AXE_PACKAGE}); run: pip install -r requirements.txt"
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is not installed; run: bash {INSTALL_SCRIPT}"
    return None


def axe_script_path() -> Path | None:
    from importlib.resources import files

    try:
        path = Path(str(files(AXE_PACKAGE) / "axe.min.js"))
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


@pytest.fixture(scope="package")
def browser_available():
    """Fails (BHXH_REQUIRE_BROWSER set) or skips when the browser cannot run; see the collection hook."""
    reason = browser_unavailable_reason()
    if reason:
        if os.environ.get("BHXH_REQUIRE_BROWSER"):
            pytest.fail(f"browser tests cannot run: {reason}", pytrace=False)
        pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="package")
def axe_source(browser_available) -> str:
    return axe_script_path().read_text(encoding="utf-8")


# --- The server -------------------------------------------------------------------------


@dataclass(frozen=True)
class LiveSite:
    """A running server; the same port answers every host (Chromium sends *.localhost to 127.0.0.1)."""

    port: int
    province_host: str
    central_host: str
    office_name: str  # of the browser province

    def url(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    def province_url(self, path: str = "/") -> str:
        return self.url(self.province_host, path)

    def central_url(self, path: str = "/") -> str:
        return self.url(self.central_host, path)


@pytest.fixture(scope="package")
def live_site(browser_available, django_db_setup, django_db_blocker, tmp_path_factory) -> LiveSite:
    from django.core.cache import cache
    from django.db import connection
    from django_tenants.utils import tenant_context

    from tenant_apps.demo.content import fill_province
    from tenant_apps.demo.content.profiles import PROFILES
    from tenants.services import onboard_province

    database_name = connection.settings_dict["NAME"]
    if not database_name.startswith("test_"):
        pytest.fail(f"refusing to onboard the browser province into {database_name!r}: not a test database")
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        _remove_browser_province()  # left over by an interrupted run with --reuse-db
        result = onboard_province(BROWSER_PROVINCE_CODE, domains=[BROWSER_PROVINCE_HOST], admin_password=TEST_PASSWORD)
        with tenant_context(result.province):  # realistic content in every section, lent by Đà Nẵng
            fill_province(result.province, profile=PROFILES["48"])
        connection.set_schema_to_public()
    cache.clear()

    port = _free_port()
    log_path = tmp_path_factory.mktemp("browser-server") / "runserver.log"
    command = [
        sys.executable,
        str(ROOT_DIR / "manage.py"),
        "runserver",
        f"127.0.0.1:{port}",
        "--noreload",
        "--skip-checks",
        # DEBUG stays off so error pages are the theme's (404.html), not Django's debug pages;
        # --insecure makes runserver serve the static files all the same.
        "--insecure",
    ]
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            command,
            cwd=ROOT_DIR,
            env=_server_environment(database_name),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        _wait_until_answering(server, port, log_path)
        yield LiveSite(port, BROWSER_PROVINCE_HOST, CENTRAL_HOST, result.province.office_name)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        with django_db_blocker.unblock():
            connection.set_schema_to_public()
            _remove_browser_province()
        cache.clear()


def _server_environment(database_name: str) -> dict[str, str]:
    env = dict(os.environ)
    url = urlsplit(os.environ["DATABASE_URL"])
    env["DATABASE_URL"] = urlunsplit(url._replace(path=f"/{database_name}"))
    # REDIS_URL is passed unchanged: config.settings.test moves it to the tests' Redis database.
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    env["DJANGO_DEBUG"] = "0"
    env["PYTHONUNBUFFERED"] = "1"
    paths = [str(ROOT_DIR), str(ROOT_DIR / "platform")]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env["PYTHONPATH"]] if env.get("PYTHONPATH") else paths)
    return env


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_answering(server: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"runserver exited with {server.returncode}:\n{_tail(log_path)}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/", headers={"Host": CENTRAL_HOST})
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


def _remove_browser_province() -> None:
    from django.conf import settings
    from django.db import connection

    from tenants.models import Domain, Province

    province = Province.objects.filter(code=BROWSER_PROVINCE_CODE).first()
    if province is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {connection.ops.quote_name(province.schema_name)} CASCADE")
    Domain.objects.filter(tenant=province).delete()
    Province.objects.filter(pk=province.pk).delete()
    shutil.rmtree(Path(settings.MEDIA_ROOT) / province.schema_name, ignore_errors=True)


# --- The browser ------------------------------------------------------------------------


@pytest.fixture(scope="package")
def chromium(live_site):
    """One Chromium for every browser test.

    While Playwright's sync API is open, the main thread has a running asyncio event loop (it
    drives the browser in a greenlet), and Django refuses every database call there ("You
    cannot call this from an async context"), pytest-django's per-test transaction included.
    Nothing runs concurrently (the loop runs only while a Playwright call waits), so Django's
    documented switch DJANGO_ALLOW_ASYNC_UNSAFE is set for as long as the browser is open, and
    only then. Depending on `live_site` makes the browser start after, and close before, that
    fixture's own database work.

    With a running loop, Django's connection handler also keeps a separate connection (its
    storage follows contextvars instead of the thread); it is closed before the loop stops,
    or it would stay open and keep pytest-django from dropping the test database.
    """
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
            connections.close_all()


@pytest.fixture(scope="package")
def screenshot_dir() -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
