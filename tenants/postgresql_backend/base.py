"""django-tenants' PostgreSQL backend, keeping Django's ContentType cache across schema switches.

django-tenants empties that cache on every switch because a project may keep content types per
schema, with different ids. Here contenttypes is a shared app only (config/settings/base.py):
one table in the public schema, the same ids for every province, so the cache stays right. A
Celery worker switches schema for every task; after each switch a page delivery re-read ten
content types (an eighth of its queries).
"""

from django.contrib.contenttypes.models import ContentType
from django_tenants.postgresql_backend.base import DatabaseWrapper as TenantDatabaseWrapper


class DatabaseWrapper(TenantDatabaseWrapper):
    def set_tenant(self, tenant, include_public=True):
        cached = dict(ContentType.objects._cache)
        super().set_tenant(tenant, include_public)
        ContentType.objects._cache.update(cached)
