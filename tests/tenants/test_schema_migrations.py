"""migrate_schemas applies what a schema misses and leaves up-to-date schemas alone (issue 20)."""

from __future__ import annotations

from django.core.management import call_command
from django.db import connection
from django_tenants.signals import schema_migrated

from tenants.schema_migrations import is_up_to_date, required_migrations, schemas_to_migrate

INDEX = "legaldocument_signed_date"  # legal_documents.0003_signed_date_index


def _index_exists(schema: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE schemaname = %s AND indexname = %s", [schema, INDEX])
        return cursor.fetchone() is not None


def _migrate_tenants(*args, **options) -> list[str]:
    """Run migrate_schemas on province schemas; return the schemas django-tenants migrated."""
    migrated = []

    def remember(sender, schema_name, **kwargs):
        migrated.append(schema_name)

    schema_migrated.connect(remember)
    try:
        call_command("migrate_schemas", *args, tenant=True, interactive=False, verbosity=0, **options)
    finally:
        schema_migrated.disconnect(remember)
        connection.set_schema_to_public()
    return migrated


def test_a_schema_missing_a_migration_gets_it_and_up_to_date_schemas_are_skipped(hanoi, hcm):
    schema = hcm.province.schema_name
    assert schemas_to_migrate([hanoi.province.schema_name, schema]) == []
    # A real migration undone in one schema: its index is dropped and its record removed.
    assert _migrate_tenants("legal_documents", "0002_syndicated_copy", schema_name=schema) == [schema]
    assert not _index_exists(schema)
    assert schemas_to_migrate([hanoi.province.schema_name, schema]) == [schema]

    assert _migrate_tenants() == [schema]

    assert _index_exists(schema)
    assert _index_exists(hanoi.province.schema_name)
    assert schemas_to_migrate([hanoi.province.schema_name, schema]) == []
    assert _migrate_tenants() == []


def test_checking_leaves_the_connection_in_its_schema(hanoi, hcm):
    with hanoi.context():
        assert schemas_to_migrate([hcm.province.schema_name]) == []
        assert connection.schema_name == hanoi.province.schema_name


def test_a_schema_without_a_migration_table_is_migrated(db):
    with connection.cursor() as cursor:
        cursor.execute('CREATE SCHEMA "chua_co_bang"')
    assert schemas_to_migrate(["chua_co_bang"]) == ["chua_co_bang"]


def test_a_squashed_migration_counts_as_applied_only_when_everything_it_replaces_is():
    required = required_migrations()
    replaces = next(replaces for key, replaces in required if key[0] == "wagtailcore" and replaces)
    # What a schema migrated before the squashes existed records: the replaced migrations, not the squashes.
    applied = {key for key, replaced in required if not replaced}
    applied |= {key for _, replaced in required for key in replaced}
    assert is_up_to_date(applied, required)
    assert not is_up_to_date(applied - {replaces[-1]}, required)
    assert not is_up_to_date(applied - {("legal_documents", "0003_signed_date_index")}, required)
    assert not is_up_to_date(set(), required)
