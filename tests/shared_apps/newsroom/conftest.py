"""Fixtures of the newsroom tests: the central national sections, a real Celery worker, committed data."""

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


@pytest.fixture
def worker(django_db_setup, django_db_blocker):
    """A real Celery worker thread; the data it needs is committed (it has its own connection)."""
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
