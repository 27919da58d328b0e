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
BHXH_NO_SKIPS=1 in the environment a missing browser fails the tests instead.
Select or leave out these tests with `-m browser` / `-m "not browser"`.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.admin_session import admin_authenticators, admin_state, central_admin_state  # noqa: F401
from tests.conftest import CENTRAL_HOST, TEST_PASSWORD
from tests.live_server import running_server

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
    reason = None if os.environ.get("BHXH_NO_SKIPS") else browser_unavailable_reason()
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
    """Fails (BHXH_NO_SKIPS set) or skips when the browser cannot run; see the collection hook."""
    reason = browser_unavailable_reason()
    if reason:
        if os.environ.get("BHXH_NO_SKIPS"):
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

    log_dir = tmp_path_factory.mktemp("browser-server")
    try:
        with running_server(database_name, log_dir, CENTRAL_HOST) as port:
            yield LiveSite(port, BROWSER_PROVINCE_HOST, CENTRAL_HOST, result.province.office_name)
    finally:
        with django_db_blocker.unblock():
            connection.set_schema_to_public()
            _remove_browser_province()
        cache.clear()


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
