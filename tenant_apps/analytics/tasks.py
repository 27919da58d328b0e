"""Celery tasks of visit statistics: thin wrappers around services, run per province by the beat fan-out."""

from pathlib import Path

from celery import shared_task
from django.conf import settings
from django.db import connection

from .access_log import count_cached_views
from .services import flush_page_views as flush_page_views_of_schema


@shared_task
def flush_page_views() -> int:
    """Move the current province's page-view counters from Redis to PostgreSQL."""
    return flush_page_views_of_schema(connection.schema_name)


@shared_task
def count_cached_page_views() -> int:
    """Count the views nginx served from its cache (NGINX_ACCESS_LOG; nothing when unset)."""
    if not settings.NGINX_ACCESS_LOG:
        return 0
    return count_cached_views(Path(settings.NGINX_ACCESS_LOG))
