"""Celery tasks: one run per province (on demand or nightly), always from the public schema."""

from celery import shared_task
from django_tenants.utils import get_public_schema_name, schema_context


@shared_task(acks_late=True)
def run_compliance_task(run_id: int) -> str:
    from .models import ComplianceRun
    from .services import run_checks

    with schema_context(get_public_schema_name()):
        run = ComplianceRun.objects.select_related("province").get(pk=run_id)
        if run.status in (ComplianceRun.Status.DONE, ComplianceRun.Status.FAILED):
            return run.status
        return run_checks(run).status


@shared_task
def run_compliance_in_every_province() -> int:
    """Nightly (beat): queue a run for every active province."""
    from tenants.selectors import active_provinces_with_primary_domain

    from .services import request_run

    provinces = list(active_provinces_with_primary_domain())
    for province in provinces:
        request_run(province)
    return len(provinces)
