"""Onboarding renames a spare copy of the template made ahead of time, never a stale one (issue 20)."""

import pytest
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_exists, tenant_context

from tenant_apps.home.models import HomePage
from tenants.schema_migrations import schemas_to_migrate
from tenants.services import onboard_province, prepare_spare_schema, spare_schema_name

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_spare_yet():
    """A spare a worker made earlier in the session (committed) is dropped, inside the test's transaction."""
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{spare_schema_name()}" CASCADE')


def test_onboarding_takes_the_spare_schema_and_the_site_answers():
    assert prepare_spare_schema()
    assert not prepare_spare_schema()  # a current spare is kept
    lines = []

    result = onboard_province("48", report=lines.append)

    assert "Schema «danang»: bản sao mẫu dựng sẵn" in lines
    assert not schema_exists(spare_schema_name())
    assert schemas_to_migrate(["danang"]) == []
    with tenant_context(result.province):
        assert HomePage.objects.get().title == "Bảo hiểm xã hội thành phố Đà Nẵng"
    response = Client(HTTP_HOST="danang.localhost").get("/")
    assert response.status_code == 200
    assert "Bảo hiểm xã hội thành phố Đà Nẵng" in response.content.decode()


def test_a_spare_behind_the_migrations_is_not_used_and_is_made_again():
    prepare_spare_schema()
    with connection.cursor() as cursor:  # as after a release that the spare has not had
        cursor.execute(
            f'DELETE FROM "{spare_schema_name()}".django_migrations WHERE app = %s AND name = %s',
            ["legal_documents", "0003_signed_date_index"],
        )
    lines = []

    onboard_province("48", report=lines.append)

    assert "Schema «danang»: sao chép từ mẫu" in lines
    assert schemas_to_migrate(["danang"]) == []
    assert schemas_to_migrate([spare_schema_name()]) == [spare_schema_name()]
    assert prepare_spare_schema()
    assert schemas_to_migrate([spare_schema_name()]) == []
