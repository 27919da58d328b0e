"""Fixtures of the newsroom tests: the central national sections, a real Celery worker, committed data.

pytest-django creates the test database only when a selected test uses `db`, so the worker tests
(which must not run inside the `db` transaction) need a `db` test in the same run: run the whole
folder, or add one, rather than `test_syndication.py` alone.
"""

from types import SimpleNamespace

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import connection

from config.celery_app import app
from shared_apps.newsroom.services import ensure_newsroom_sections


@pytest.fixture
def newsroom(db) -> SimpleNamespace:
    """The central site's "Tin toàn ngành" and "Văn bản toàn ngành" sections."""
    news, documents = ensure_newsroom_sections()
    return SimpleNamespace(news=news, documents=documents)


def _set_up_test_database(request) -> None:
    """The session's test database; refuse, rather than write to the development one, without it."""
    if not any(item.get_closest_marker("django_db") or "db" in item.fixturenames for item in request.session.items):
        pytest.fail("No test database is created in this run: add a test that uses `db` (see above).")
    request.getfixturevalue("django_db_setup")


@pytest.fixture
def worker(request, django_db_blocker):
    """A real Celery worker thread; the data it needs is committed (it has its own connection)."""
    _set_up_test_database(request)
    with django_db_blocker.unblock(), start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        yield


@pytest.fixture
def committed(request, django_db_blocker):
    """Writes in this test are committed; whatever the test registers is removed afterwards."""
    _set_up_test_database(request)
    cleanups = []
    with django_db_blocker.unblock():
        yield cleanups.append
        connection.set_schema_to_public()
        for cleanup in reversed(cleanups):
            cleanup()
