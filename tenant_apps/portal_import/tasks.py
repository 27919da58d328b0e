"""Celery task of the portal import: a thin wrapper that runs one import run (admin-started)."""

from celery import shared_task

from .runs.models import ImportRun
from .services import run_import


@shared_task(acks_late=True)
def run_portal_import(run_id: int) -> str:
    """Carry out (or resume) an import run; sent from the province's schema by the admin."""
    run = ImportRun.objects.select_related("province").get(pk=run_id)
    if run.is_finished:
        return run.status
    return run_import(run).status
