"""Shared fixtures: the central site and two provinces, created once per test session.

Every test runs inside a transaction that is rolled back (pytest-django's `db`), and that
holds for province schemas too: they live in the same database. Creating a schema inside a
test is rolled back as well, because PostgreSQL's DDL is transactional.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django_tenants.utils import tenant_context

from tenants.models import Province
from tenants.services import ensure_central_site, ensure_template_schema, onboard_province

TEST_PASSWORD = "mat-khau-thu-nghiem-2026"
CENTRAL_HOST = "localhost"


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
        browser = self.client()
        with self.context():
            assert browser.login(username=username, password=TEST_PASSWORD)
        return browser


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_template_schema()
        ensure_central_site([CENTRAL_HOST], admin_password=TEST_PASSWORD)
        for code in ("01", "79"):
            onboard_province(code, admin_password=TEST_PASSWORD)
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
    assert central_client.login(username="admin", password=TEST_PASSWORD)
    return central_client


@pytest.fixture(autouse=True)
def _reset_schema_and_cache():
    yield
    connection.set_schema_to_public()
    cache.clear()
