"""Celery tasks of the operations app: thin wrappers around its services."""

from celery import shared_task

from .services import sync_maintenance_flags


@shared_task
def sync_maintenance_flags_task() -> dict[str, list[str]]:
    """Beat entry point (public schema): write or remove nginx's maintenance flag files."""
    changes = sync_maintenance_flags()
    return {"written": changes.written, "removed": changes.removed}
