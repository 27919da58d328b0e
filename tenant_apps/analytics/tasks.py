"""Celery tasks of visit statistics: thin wrappers around services, run per province by the beat fan-out."""

from celery import shared_task
from django.db import connection

from .services import flush_page_views as flush_page_views_of_schema


@shared_task
def flush_page_views() -> int:
    """Move the current province's page-view counters from Redis to PostgreSQL."""
    return flush_page_views_of_schema(connection.schema_name)
