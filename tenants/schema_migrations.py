"""`migrate_schemas` that leaves alone the province schemas with nothing to apply (issue 20).

django-tenants runs Django's whole `migrate` in every schema, even when nothing is pending: it renders
the project state of every model and sends `post_migrate`, where auth checks the permissions of
every app and Wagtail connects and disconnects its reference-index handlers for every model. That
is about a second of CPU per schema whatever the release (92 s for 200 schemas on two cores).

Here one query reads `django_migrations` of every schema at once, compares each with the migration
graph on disk, and only the schemas that miss a migration go to django-tenants' executor (standard
or multiprocessing, as `--executor` asks). Anything more specific than "everything, up to date"
(an app label, a target migration, --fake, --plan, --check, --prune, --run-syncdb) keeps the full
run in every schema. Wired through django-tenants' GET_EXECUTOR_FUNCTION setting.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django_tenants.migration_executors import get_executor as django_tenants_executor
from django_tenants.utils import get_public_schema_name, get_tenant_database_alias

# Options of migrate_schemas under which every schema must go through Django's migrate.
FULL_RUN_OPTIONS = (
    "app_label",
    "migration_name",
    "fake",
    "fake_initial",
    "plan",
    "prune",
    "run_syncdb",
    "check_unapplied",
)

Key = tuple[str, str]


@cache
def required_migrations() -> tuple[tuple[Key, tuple[Key, ...]], ...]:
    """Every node of the migration graph on disk, with the migrations it replaces (a squash) or ().

    As Django's loader does, a squashed migration counts as applied when everything it replaces is.
    Read once per process: the files on disk change with a release, which restarts the processes.
    """
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return tuple(
        (key, tuple(loader.replacements[key].replaces) if key in loader.replacements else ())
        for key in sorted(loader.graph.nodes)
    )


def is_up_to_date(applied: set[Key], required: Iterable[tuple[Key, tuple[Key, ...]]]) -> bool:
    """Whether Django's migrate would have nothing to apply in a schema whose records are `applied`."""
    for key, replaces in required:
        if replaces:
            if not all(replaced in applied for replaced in replaces):
                return False
        elif key not in applied:
            return False
    return True


def applied_migrations(schema_names: list[str], using: str) -> dict[str, set[Key]]:
    """The (app, name) records of every schema that has a django_migrations table, in one query.

    Names are qualified: the connection's own schema does not matter and is left as it is.
    """
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = 'django_migrations' AND c.relkind = 'r' AND n.nspname = ANY(%s)",
            [schema_names],
        )
        with_table = sorted(row[0] for row in cursor.fetchall())
        applied: dict[str, set[Key]] = defaultdict(set)
        if with_table:
            quote = connection.ops.quote_name
            selects = [f"SELECT %s, app, name FROM {quote(schema)}.django_migrations" for schema in with_table]
            cursor.execute(" UNION ALL ".join(selects), with_table)
            for schema, app, name in cursor.fetchall():
                applied[schema].add((app, name))
    return {schema: applied[schema] for schema in with_table}


def schemas_to_migrate(schema_names: Iterable[str], using: str | None = None) -> list[str]:
    """Of `schema_names`, in their order, those where `migrate` has something to apply."""
    schema_names = list(schema_names)
    if not schema_names:
        return []
    applied = applied_migrations(schema_names, using or get_tenant_database_alias())
    required = required_migrations()
    return [name for name in schema_names if name not in applied or not is_up_to_date(applied[name], required)]


def get_executor(codename: str | None = None):
    """django-tenants' executor named `codename`, given only the province schemas that need it."""
    executor_class = django_tenants_executor(codename)

    class SkipUpToDateSchemas(executor_class):
        def run_migrations(self, tenants=None):
            tenants = list(tenants or [])
            if any(self.options.get(option) for option in FULL_RUN_OPTIONS):
                return super().run_migrations(tenants=tenants)
            public = [name for name in tenants if name == get_public_schema_name()]
            provinces = [name for name in tenants if name != get_public_schema_name()]
            pending = schemas_to_migrate(provinces, self.options.get("database"))
            if provinces and int(self.options.get("verbosity", 1)) >= 1:
                sys.stdout.write(
                    f"[{self.codename}] {len(provinces) - len(pending)} of {len(provinces)} schemas up to date, "
                    f"skipped; migrating {len(pending)}\n"
                )
            if public or pending:
                return super().run_migrations(tenants=public + pending)
            return None

    SkipUpToDateSchemas.__name__ = f"SkipUpToDate{executor_class.__name__}"
    return SkipUpToDateSchemas
